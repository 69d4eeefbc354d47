using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>
/// What a JPEG file proves about its original: each 8x8 luminance block's DCT coefficient i was quantized to k*Q[i],
/// so the original coefficient lay in [(k - 1/2) Q[i], (k + 1/2) Q[i]]. Projecting a restoration's coefficients into
/// those intervals (clipping each to its interval) can only bring it closer to the original: the intervals form a
/// box that holds the original, and the DCT is orthonormal. This is the quantization constraint set of POCS-style
/// JPEG decoders, applied after the network.
/// <para>
/// k is recovered from the decoded pixels (k = round(DCT(decoded block - 128) / Q)), and a block is projected only
/// when decoding those k again reproduces its pixels to within the decoder's rounding: blocks whose decoded values
/// were clamped at 0 or 255 (or whose colour conversion lost information) are left alone rather than pushed into
/// wrongly recovered intervals. Blocks sit on the grid from the image origin; partial blocks at the right and bottom
/// edges are left alone (the encoder padded them with pixels the decoded image does not show). Luminance only.
/// </para>
/// </summary>
public sealed class QuantizationConstraint
{
    /// <summary>The largest difference, in luma samples, between a decoded block and its recovered coefficients
    /// decoded again, for which the recovery is trusted. A gray JPEG decodes to rounded samples (0.5) through
    /// libjpeg's integer IDCT (about 1 more); a colour one adds the RGB rounding of the colour conversion.</summary>
    public double Tolerance { get; init; } = 2.0;

    /// <summary>The luminance quantization table, natural (row-major) order.</summary>
    public IReadOnlyList<int> Table => _table;
    readonly int[] _table;
    /// <summary>The frame size the table belongs to (0 when unknown).</summary>
    public int Width { get; }
    public int Height { get; }

    public QuantizationConstraint(IReadOnlyList<int> lumaTable, int width = 0, int height = 0)
    {
        ArgumentNullException.ThrowIfNull(lumaTable);
        if (lumaTable.Count != BlockDct.Length || lumaTable.Any(q => q < 1))
            throw new ArgumentException("A quantization table has 64 steps of at least 1.", nameof(lumaTable));
        _table = lumaTable.ToArray();
        (Width, Height) = (width, height);
    }

    /// <summary>The constraint of a JPEG file's luminance; null when the bytes are not a JPEG whose first component
    /// is DCT-coded 8-bit luminance (lossless, 12-bit, RGB-, CMYK- or YCCK-coded JPEGs and other formats).</summary>
    public static QuantizationConstraint? FromJpeg(ReadOnlySpan<byte> bytes)
    {
        var header = JpegHeader.Read(bytes);
        if (header?.Frame is not { Lossless: false, Precision: 8 } frame) return null;
        bool luminance = frame.Components.Count switch
        {
            1 => true,
            3 => header.AdobeTransform is null or 1 && !(frame.Components[0].Id == 'R' && frame.Components[1].Id == 'G'),
            _ => false,
        };
        if (!luminance || !header.QuantizationTables.TryGetValue(frame.Components[0].TableId, out var table)) return null;
        // A frame may leave its height to a DNL marker after the first scan (height 0): the size is then unknown.
        return frame.Width > 0 && frame.Height > 0 ? new QuantizationConstraint(table, frame.Width, frame.Height) : new QuantizationConstraint(table);
    }

    /// <summary>Projects <paramref name="restored"/> (in place) into the intervals recovered from
    /// <paramref name="decoded"/>, both in the same luma scale: <see cref="LumaScale.JpegSamples"/> for a gray image's
    /// own channel, <see cref="LumaScale.StudioRange"/> for the MATLAB Y of an RGB image. Returns the blocks changed.</summary>
    /// <exception cref="ArgumentException">The planes differ in size, or from the JPEG frame.</exception>
    public ProjectionResult Project(Plane decoded, Plane restored, LumaScale scale = LumaScale.JpegSamples)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(restored);
        if (!decoded.SameSizeAs(restored))
            throw new ArgumentException($"The decoded plane is {decoded.Width}x{decoded.Height} but the restored one {restored.Width}x{restored.Height}.");
        if (Width > 0 && (decoded.Width != Width || decoded.Height != Height))
            throw new ArgumentException($"The JPEG frame is {Width}x{Height} but the image {decoded.Width}x{decoded.Height}.");
        // JPEG sample = gain * plane value + offset (MATLAB's Y is 16 + 219/255 of JFIF's full-range Y).
        var (gain, offset) = scale == LumaScale.StudioRange ? (255.0 / 219, -16 * 255.0 / 219) : (1.0, 0.0);

        // Rows of blocks are independent: they run in parallel (the network's threads are idle meanwhile).
        int changed = 0, untrusted = 0;
        Parallel.For(0, decoded.Height / BlockDct.Size, blockRow =>
        {
            var (rowChanged, rowUntrusted) = ProjectRow(decoded, restored, blockRow * BlockDct.Size, gain, offset);
            Interlocked.Add(ref changed, rowChanged);
            Interlocked.Add(ref untrusted, rowUntrusted);
        });
        return new ProjectionResult(changed, untrusted, (decoded.Width / 8) * (decoded.Height / 8));
    }

    (int Changed, int Untrusted) ProjectRow(Plane decoded, Plane restored, int by, double gain, double offset)
    {
        int changed = 0, untrusted = 0;
        Span<double> d = stackalloc double[BlockDct.Length], r = stackalloc double[BlockDct.Length];
        Span<double> k = stackalloc double[BlockDct.Length], check = stackalloc double[BlockDct.Length];
        for (int bx = 0; bx + BlockDct.Size <= decoded.Width; bx += BlockDct.Size)
        {
            Load(decoded, bx, by, gain, offset, d);
            BlockDct.Forward(d, check);
            for (int i = 0; i < k.Length; i++) k[i] = Math.Round(check[i] / _table[i]);
            if (!Redecodes(k, d, check)) { untrusted++; continue; }

            Load(restored, bx, by, gain, offset, r);
            BlockDct.Forward(r, r);
            bool moved = false;
            for (int i = 0; i < r.Length; i++)
            {
                double low = (k[i] - 0.5) * _table[i], high = (k[i] + 0.5) * _table[i];
                if (r[i] < low) { r[i] = low; moved = true; }
                else if (r[i] > high) { r[i] = high; moved = true; }
            }
            if (!moved) continue;
            BlockDct.Inverse(r, r);
            Store(r, restored, bx, by, gain, offset);
            changed++;
        }
        return (changed, untrusted);
    }

    /// <summary>Whether the coefficients k*Q decode (as libjpeg would: + 128, rounded, clamped) to within the
    /// tolerance of the decoded block's samples.</summary>
    bool Redecodes(ReadOnlySpan<double> k, ReadOnlySpan<double> decodedShifted, Span<double> scratch)
    {
        for (int i = 0; i < scratch.Length; i++) scratch[i] = k[i] * _table[i];
        BlockDct.Inverse(scratch, scratch);
        for (int i = 0; i < scratch.Length; i++)
        {
            double sample = Math.Clamp(Math.Round(scratch[i] + 128), 0, 255);
            if (Math.Abs(sample - (decodedShifted[i] + 128)) > Tolerance) return false;
        }
        return true;
    }

    // Samples as the encoder's DCT saw them: JPEG scale, level-shifted by 128.
    static void Load(Plane plane, int bx, int by, double gain, double offset, Span<double> block)
    {
        for (int y = 0; y < BlockDct.Size; y++)
        {
            var row = plane.Data.AsSpan((by + y) * plane.Width + bx, BlockDct.Size);
            for (int x = 0; x < BlockDct.Size; x++) block[y * BlockDct.Size + x] = gain * row[x] + offset - 128;
        }
    }

    static void Store(ReadOnlySpan<double> block, Plane plane, int bx, int by, double gain, double offset)
    {
        for (int y = 0; y < BlockDct.Size; y++)
        {
            var row = plane.Data.AsSpan((by + y) * plane.Width + bx, BlockDct.Size);
            for (int x = 0; x < BlockDct.Size; x++) row[x] = (float)((block[y * BlockDct.Size + x] + 128 - offset) / gain);
        }
    }
}

/// <summary>How a luma plane relates to the JPEG's luminance samples.</summary>
public enum LumaScale
{
    /// <summary>The plane holds the JPEG's samples (a gray JPEG's channel).</summary>
    JpegSamples,
    /// <summary>The plane holds MATLAB's studio-range Y (16..235) of the decoded RGB, as the Restorer restores it.</summary>
    StudioRange,
}

/// <summary>Blocks whose coefficients were clipped, blocks left alone because their coefficients could not be
/// recovered from the decoded pixels, and full blocks in all.</summary>
public readonly record struct ProjectionResult(int BlocksChanged, int BlocksUntrusted, int Blocks);

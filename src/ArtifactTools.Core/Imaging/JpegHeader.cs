namespace ArtifactTools.Imaging;

/// <summary>
/// What a JPEG's header says before the first scan: its quantization tables (DQT), its frame (SOF: coding process,
/// sample precision, size, components and the table each uses) and the Adobe colour transform (APP14), if any.
/// Entropy-coded data is not read. Quality estimation and the quantization constraint both start here.
/// </summary>
public sealed class JpegHeader
{
    /// <summary>Zig-zag position k -> natural (row-major) index; DQT stores tables in zig-zag order.</summary>
    static readonly int[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    /// <summary>Quantization tables by table id, natural order.</summary>
    public IReadOnlyDictionary<int, int[]> QuantizationTables { get; }
    /// <summary>The frame; null when the header ended (or was cut) before a SOF marker.</summary>
    public JpegFrame? Frame { get; }
    /// <summary>The Adobe APP14 colour transform (0 = none, i.e. RGB or CMYK as stored; 1 = YCbCr; 2 = YCCK); null without one.</summary>
    public int? AdobeTransform { get; }

    JpegHeader(IReadOnlyDictionary<int, int[]> tables, JpegFrame? frame, int? adobeTransform) =>
        (QuantizationTables, Frame, AdobeTransform) = (tables, frame, adobeTransform);

    /// <summary>The header of <paramref name="jpeg"/>; null when the bytes do not start like a JPEG.</summary>
    public static JpegHeader? Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        var tables = new Dictionary<int, int[]>();
        JpegFrame? frame = null;
        int? adobe = null;
        int pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF) break;
            byte marker = jpeg[pos + 1];
            if (marker == 0xFF) { pos++; continue; } // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { pos += 2; continue; }
            if (marker is 0xDA or 0xD9) break; // tables and frame come before the first scan
            int length = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
            if (length < 2 || pos + 2 + length > jpeg.Length) break;
            var segment = jpeg.Slice(pos + 4, length - 2);
            if (marker == 0xDB) ReadDqt(segment, tables);
            else if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC)) frame = ReadSof(marker, segment) ?? frame;
            else if (marker == 0xEE && segment.Length >= 12 && segment[..5].SequenceEqual("Adobe"u8)) adobe = segment[11];
            pos += 2 + length;
        }
        return new JpegHeader(tables, frame, adobe);
    }

    static void ReadDqt(ReadOnlySpan<byte> segment, Dictionary<int, int[]> tables)
    {
        int p = 0;
        while (p < segment.Length)
        {
            int precision = segment[p] >> 4, id = segment[p] & 0x0F;
            int size = precision == 0 ? 64 : 128;
            if (p + 1 + size > segment.Length) return;
            var table = new int[64];
            for (int k = 0; k < 64; k++)
                table[ZigZag[k]] = precision == 0 ? segment[p + 1 + k] : (segment[p + 1 + 2 * k] << 8) | segment[p + 2 + 2 * k];
            tables[id] = table;
            p += 1 + size;
        }
    }

    static JpegFrame? ReadSof(byte marker, ReadOnlySpan<byte> segment)
    {
        if (segment.Length < 6) return null;
        int count = segment[5];
        if (segment.Length < 6 + 3 * count) return null;
        var components = new JpegComponent[count];
        for (int c = 0; c < count; c++)
        {
            var s = segment.Slice(6 + 3 * c, 3);
            components[c] = new JpegComponent(s[0], s[1] >> 4, s[1] & 0x0F, s[2]);
        }
        // SOF3, 7, 11 and 15 are the lossless processes: no DCT, no quantization.
        return new JpegFrame(marker - 0xC0, Lossless: (marker & 0x03) == 0x03, Precision: segment[0],
            Height: (segment[1] << 8) | segment[2], Width: (segment[3] << 8) | segment[4], components);
    }
}

/// <summary>A JPEG frame (SOF): <paramref name="Process"/> is the SOF number (0 baseline, 1 extended, 2 progressive, ...).</summary>
public sealed record JpegFrame(int Process, bool Lossless, int Precision, int Height, int Width, IReadOnlyList<JpegComponent> Components);

/// <summary>One component of a frame: its id, sampling factors and quantization table id.</summary>
public sealed record JpegComponent(int Id, int HorizontalSampling, int VerticalSampling, int TableId);

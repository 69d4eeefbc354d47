using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;
using ArtifactTools.Degradation;
using ArtifactTools.FileSystem;
using ArtifactTools.Imaging;

namespace ArtifactTools.Training;

/// <summary>
/// The colour training set: (clean, degraded) 8-bit RGB image pairs, each image compressed whole as a colour file with
/// its chroma subsampling, prepared once into a memory-mapped cache (as <see cref="PreparedPairs"/> does for Y).
/// Batches come out as MATLAB YCbCr planes (Y, Cb, Cr on 0..1), the space the colour networks work in. RGB is what
/// the files hold, so the cache stores it exactly and converts per patch.
/// </summary>
public sealed class ColorPairs : ITrainingPairs
{
    const string Magic = "ATCOLOR1";
    readonly MemoryMappedFile _file;
    readonly MemoryMappedViewAccessor _view;
    readonly unsafe byte* _base;
    readonly PairEntry[] _entries;

    /// <summary>Offsets of the clean and degraded planes (R, G, B each, one after the other).</summary>
    readonly record struct PairEntry(long CleanOffset, long DegradedOffset, int Width, int Height);

    public int Count => _entries.Length;
    public int Channels => 3;
    public string CachePath { get; }

    unsafe ColorPairs(string path)
    {
        CachePath = path;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset;
        _entries = ReadIndex(_base, _view.Capacity);
    }

    /// <summary>Opens the cache for this exact input (files, degradation, sampling, augmentation, seed), building it if needed.</summary>
    public static ColorPairs Open(IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed,
        string cacheDirectory, int minimumSize, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (files.Count == 0) throw new ArgumentException("The training set has no images.");
        Directory.CreateDirectory(cacheDirectory);
        var path = Path.Combine(cacheDirectory, CacheKey(files, degradation, recipe, seed) + ".colorpairs");
        if (!IsComplete(path)) Build(path, files, degradation, recipe, seed, minimumSize, progress, cancellation);
        return new ColorPairs(path);
    }

    /// <summary>Fills one batch with random patches as Y, Cb, Cr planes (N x 3 x P x P, 0..1). Patches start on even
    /// pixels, the phase of the 2x2 chroma grid the image was compressed (and is restored) with.</summary>
    public unsafe void SampleBatch(Random random, int batchSize, int patchSize, Span<float> degraded, Span<float> clean)
    {
        int area = patchSize * patchSize;
        for (int b = 0; b < batchSize; b++)
        {
            PairEntry e;
            do e = _entries[random.Next(_entries.Length)]; while (e.Width < patchSize || e.Height < patchSize);
            int x0 = 2 * random.Next((e.Width - patchSize) / 2 + 1), y0 = 2 * random.Next((e.Height - patchSize) / 2 + 1);
            long plane = (long)e.Width * e.Height;
            for (int y = 0; y < patchSize; y++)
            {
                long row = (long)(y0 + y) * e.Width + x0;
                int at = y * patchSize;
                ToYCbCr(_base + e.CleanOffset + row, plane, patchSize, clean.Slice(3 * b * area, 3 * area), at, area);
                ToYCbCr(_base + e.DegradedOffset + row, plane, patchSize, degraded.Slice(3 * b * area, 3 * area), at, area);
            }
        }
    }

    static unsafe void ToYCbCr(byte* rgb, long plane, int count, Span<float> target, int at, int area)
    {
        var r = new ReadOnlySpan<byte>(rgb, count);
        var g = new ReadOnlySpan<byte>(rgb + plane, count);
        var b = new ReadOnlySpan<byte>(rgb + 2 * plane, count);
        var y = target.Slice(at, count);
        var cb = target.Slice(area + at, count);
        var cr = target.Slice(2 * area + at, count);
        for (int x = 0; x < count; x++)
        {
            var (vy, vcb, vcr) = ColorConversion.RgbToYCbCrUnit(r[x], g[x], b[x]);
            y[x] = vy; cb[x] = vcb; cr[x] = vcr;
        }
    }

    static string CacheKey(IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed)
    {
        var sampling = degradation is JpegDegradation jpeg ? jpeg.Sampling.ToString() : "";
        var key = new StringBuilder(Magic).Append('|').Append(degradation.Spec).Append('|').Append(sampling).Append('|').Append(seed)
            .Append('|').Append(string.Join(',', recipe.Scales)).Append('|').Append(recipe.Rotations);
        foreach (var f in files)
        {
            var info = new FileInfo(f);
            key.Append('|').Append(info.FullName).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..20].ToLowerInvariant();
    }

    static bool IsComplete(string path)
    {
        if (!File.Exists(path)) return false;
        using var stream = File.OpenRead(path);
        var header = new byte[Magic.Length];
        return stream.Read(header) == header.Length && Encoding.ASCII.GetString(header) == Magic;
    }

    /// <summary>Layout: magic, count, then per pair width, height, clean R, G, B, degraded R, G, B. Written to a temp
    /// file and renamed, so an interrupted build leaves no cache that looks complete.</summary>
    static void Build(string path, IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed,
        int minimumSize, IProgress<string>? progress, CancellationToken cancellation)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
            writer.Write(Encoding.ASCII.GetBytes("ATCOLOR0")); // becomes Magic once complete
            writer.Write(0);
            int count = 0;
            const int chunk = 8; // bounded memory: at most a few images' augmentations in flight
            for (int start = 0; start < files.Count; start += chunk)
            {
                cancellation.ThrowIfCancellationRequested();
                var indices = Enumerable.Range(start, Math.Min(chunk, files.Count - start)).ToArray();
                var prepared = new List<(RasterImage Clean, RasterImage Degraded)>[indices.Length];
                Parallel.For(0, indices.Length, new ParallelOptions { CancellationToken = cancellation },
                    k => prepared[k] = Augmented(files[indices[k]], degradation, recipe, seed, indices[k], minimumSize));
                foreach (var pairs in prepared)
                    foreach (var (clean, degraded) in pairs)
                    {
                        writer.Write(clean.Width);
                        writer.Write(clean.Height);
                        foreach (var channel in clean.Channels.Concat(degraded.Channels)) writer.Write(ToBytes(channel));
                        count++;
                    }
                progress?.Report($"Prepared {Math.Min(start + chunk, files.Count)} of {files.Count} colour training images");
            }
            writer.Flush();
            stream.Position = Magic.Length;
            writer.Write(count);
            stream.Position = 0;
            writer.Write(Encoding.ASCII.GetBytes(Magic));
        });
    }

    /// <summary>The clean RGB of one file at every recipe scale and rotation, each compressed whole in colour.</summary>
    static List<(RasterImage, RasterImage)> Augmented(string file, IDegradation degradation, TrainingRecipe recipe, int seed, int fileIndex, int minimumSize)
    {
        var image = AsRgb(ImageCodec.Read(file));
        var result = new List<(RasterImage, RasterImage)>();
        var scales = recipe.Scales.Contains(1.0) ? recipe.Scales : [1.0, .. recipe.Scales];
        int variant = 0;
        foreach (var scale in scales)
        {
            var scaled = scale == 1.0 ? image.Channels : image.Channels.Select(c => PlaneResampling.Resize(c, scale).Quantized()).ToArray();
            foreach (var quarterTurns in recipe.Rotations ? [0, 1, 2, 3] : new[] { 0 })
            {
                var planes = scaled.Select(c => PlaneResampling.Rotate90(c, quarterTurns)).ToArray();
                var random = new Random(SeedMixer.Mix(seed, fileIndex, variant++));
                var pair = degradation.Apply(RasterImage.Rgb(planes[0], planes[1], planes[2]), random);
                if (pair.Reference.Width >= minimumSize && pair.Reference.Height >= minimumSize)
                    result.Add((AsRgb(pair.Reference), AsRgb(pair.Degraded)));
            }
        }
        return result;
    }

    /// <summary>A gray image as R = G = B (a colour network learns that neutral chroma stays neutral).</summary>
    internal static RasterImage AsRgb(RasterImage image) =>
        image.ColorModel == ColorModel.Rgb ? image : RasterImage.Rgb(image.Channels[0], image.Channels[0].Clone(), image.Channels[0].Clone());

    static byte[] ToBytes(Plane plane)
    {
        var bytes = new byte[plane.Data.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)Math.Clamp(MathF.Round(plane.Data[i]), 0, 255);
        return bytes;
    }

    static unsafe PairEntry[] ReadIndex(byte* data, long capacity)
    {
        int count = *(int*)(data + Magic.Length);
        var entries = new PairEntry[count];
        long offset = Magic.Length + 4;
        for (int i = 0; i < count; i++)
        {
            if (offset + 8 > capacity) throw new InvalidDataException("Colour training cache is truncated; delete it to rebuild.");
            int w = *(int*)(data + offset), h = *(int*)(data + offset + 4);
            long size = 3L * w * h;
            entries[i] = new PairEntry(offset + 8, offset + 8 + size, w, h);
            offset += 8 + 2 * size;
        }
        return entries;
    }

    public unsafe void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}

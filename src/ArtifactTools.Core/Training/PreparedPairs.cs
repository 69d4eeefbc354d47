using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;
using ArtifactTools.Degradation;
using ArtifactTools.FileSystem;
using ArtifactTools.Imaging;

namespace ArtifactTools.Training;

/// <summary>
/// The training set as (clean, degraded) 8-bit Y image pairs, prepared once and kept in a memory-mapped cache file:
/// every augmented image is compressed whole (so JPEG's 8x8 grid is the real one) before patches are cut, an epoch
/// never recompresses, and resident memory stays bounded by the OS page cache however large the set is.
/// </summary>
public sealed class PreparedPairs : ITrainingPairs
{
    const string Magic = "ATPAIRS1";
    readonly MemoryMappedFile _file;
    readonly MemoryMappedViewAccessor _view;
    readonly unsafe byte* _base;
    readonly PairEntry[] _entries;

    readonly record struct PairEntry(long CleanOffset, long DegradedOffset, int Width, int Height);

    public int Count => _entries.Length;
    public int Channels => 1;
    public string CachePath { get; }

    unsafe PreparedPairs(string path)
    {
        CachePath = path;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset;
        _entries = ReadIndex(_base, _view.Capacity);
    }

    /// <summary>Opens the cache for this exact input (files, degradation, augmentation, seed), building it if needed.</summary>
    public static PreparedPairs Open(IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed,
        string cacheDirectory, int minimumSize, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        if (files.Count == 0) throw new ArgumentException("The training set has no images.");
        Directory.CreateDirectory(cacheDirectory);
        var path = Path.Combine(cacheDirectory, CacheKey(files, degradation, recipe, seed) + ".pairs");
        if (!IsComplete(path)) Build(path, files, degradation, recipe, seed, minimumSize, progress, cancellation);
        return new PreparedPairs(path);
    }

    /// <summary>Fills one batch with random patches (N x 1 x P x P, row-major, scaled to 0..1).</summary>
    public unsafe void SampleBatch(Random random, int batchSize, int patchSize, Span<float> degraded, Span<float> clean)
    {
        int area = patchSize * patchSize;
        for (int b = 0; b < batchSize; b++)
        {
            PairEntry e;
            do e = _entries[random.Next(_entries.Length)]; while (e.Width < patchSize || e.Height < patchSize);
            int x0 = random.Next(e.Width - patchSize + 1), y0 = random.Next(e.Height - patchSize + 1);
            for (int y = 0; y < patchSize; y++)
            {
                long row = (long)(y0 + y) * e.Width + x0;
                var cleanRow = new ReadOnlySpan<byte>(_base + e.CleanOffset + row, patchSize);
                var degradedRow = new ReadOnlySpan<byte>(_base + e.DegradedOffset + row, patchSize);
                var cleanOut = clean.Slice(b * area + y * patchSize, patchSize);
                var degradedOut = degraded.Slice(b * area + y * patchSize, patchSize);
                for (int x = 0; x < patchSize; x++)
                {
                    cleanOut[x] = cleanRow[x] * (1f / 255f);
                    degradedOut[x] = degradedRow[x] * (1f / 255f);
                }
            }
        }
    }

    static string CacheKey(IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed)
    {
        var key = new StringBuilder(Magic).Append('|').Append(degradation.Spec).Append('|').Append(seed).Append('|')
            .Append(string.Join(',', recipe.Scales)).Append('|').Append(recipe.Rotations);
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

    /// <summary>Layout: magic, count, then per pair width, height, clean bytes, degraded bytes. Written to a temp file
    /// and renamed, so an interrupted build leaves no cache that looks complete.</summary>
    static void Build(string path, IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed,
        int minimumSize, IProgress<string>? progress, CancellationToken cancellation)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
            writer.Write(Encoding.ASCII.GetBytes("ATPAIRS0")); // becomes Magic once complete
            writer.Write(0);
            int count = 0;
            const int chunk = 8; // bounded memory: at most a few images' augmentations in flight
            for (int start = 0; start < files.Count; start += chunk)
            {
                cancellation.ThrowIfCancellationRequested();
                var indices = Enumerable.Range(start, Math.Min(chunk, files.Count - start)).ToArray();
                var prepared = new List<(Plane Clean, Plane Degraded)>[indices.Length];
                Parallel.For(0, indices.Length, new ParallelOptions { CancellationToken = cancellation },
                    k => prepared[k] = Augmented(files[indices[k]], degradation, recipe, seed, indices[k], minimumSize));
                foreach (var pairs in prepared)
                    foreach (var (clean, degraded) in pairs)
                    {
                        writer.Write(clean.Width);
                        writer.Write(clean.Height);
                        writer.Write(ToBytes(clean));
                        writer.Write(ToBytes(degraded));
                        count++;
                    }
                progress?.Report($"Prepared {Math.Min(start + chunk, files.Count)} of {files.Count} training images");
            }
            writer.Flush();
            stream.Position = Magic.Length;
            writer.Write(count);
            stream.Position = 0;
            writer.Write(Encoding.ASCII.GetBytes(Magic));
        });
    }

    /// <summary>The clean Y of one file at every recipe scale and rotation, each degraded whole.</summary>
    static List<(Plane, Plane)> Augmented(string file, IDegradation degradation, TrainingRecipe recipe, int seed, int fileIndex, int minimumSize)
    {
        var luma = ColorConversion.Luma(ImageCodec.Read(file));
        var result = new List<(Plane, Plane)>();
        var scales = recipe.Scales.Contains(1.0) ? recipe.Scales : [1.0, .. recipe.Scales];
        int variant = 0;
        foreach (var scale in scales)
        {
            var scaled = scale == 1.0 ? luma : PlaneResampling.Resize(luma, scale).Quantized();
            foreach (var quarterTurns in recipe.Rotations ? [0, 1, 2, 3] : new[] { 0 })
            {
                var clean = PlaneResampling.Rotate90(scaled, quarterTurns);
                var random = new Random(SeedMixer.Mix(seed, fileIndex, variant++));
                var pair = degradation.Apply(RasterImage.Gray(clean), random);
                var reference = ColorConversion.Luma(pair.Reference);
                var degraded = ColorConversion.Luma(pair.Degraded);
                if (reference.Width >= minimumSize && reference.Height >= minimumSize)
                    result.Add((reference, degraded));
            }
        }
        return result;
    }

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
            if (offset + 8 > capacity) throw new InvalidDataException("Training cache is truncated; delete it to rebuild.");
            int w = *(int*)(data + offset), h = *(int*)(data + offset + 4);
            long size = (long)w * h;
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

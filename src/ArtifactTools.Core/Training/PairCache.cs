using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;
using ArtifactTools.Degradation;
using ArtifactTools.FileSystem;
using ArtifactTools.Imaging;

namespace ArtifactTools.Training;

/// <summary>
/// A training set as (clean, degraded) 8-bit image pairs, prepared once and kept in a memory-mapped cache file: every
/// augmented image is degraded whole (so JPEG's 8x8 grid is the real one) before patches are cut, an epoch never
/// recompresses, and resident memory stays bounded by the OS page cache however large the set is. The file is named
/// by a hash of its exact input (layout, files, degradation, augmentation, seed), so a changed input builds a new one.
/// What it keeps of an image is the <see cref="PairLayout"/>'s; a subclass (<see cref="PreparedPairs"/>,
/// <see cref="ColorPairs"/>) turns the kept rows into the network's planes.
/// </summary>
public abstract class PairCache : ITrainingPairs
{
    readonly PairLayout _layout;
    readonly MemoryMappedFile _file;
    readonly MemoryMappedViewAccessor _view;
    readonly unsafe byte* _base;
    readonly Entry[] _entries;

    /// <summary>Where one pair's bytes start: the clean image's planes, then the degraded image's, each plane
    /// Width x Height bytes, row-major, one after the other.</summary>
    readonly record struct Entry(long CleanOffset, long DegradedOffset, int Width, int Height);

    public int Count => _entries.Length;
    public string CachePath { get; }
    public abstract int Channels { get; }
    /// <summary>Patches start on multiples of this (a subsampled chroma grid's phase).</summary>
    private protected virtual int PatchAlignment => 1;

    /// <summary>Maps the cache file at <paramref name="path"/> (see <see cref="Prepare"/>).</summary>
    private protected unsafe PairCache(string path, PairLayout layout)
    {
        (CachePath, _layout) = (path, layout);
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset;
        _entries = ReadIndex();
    }

    /// <summary>The cache file for this exact input, built if needed.</summary>
    private protected static string Prepare(PairLayout layout, IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe,
        int seed, string cacheDirectory, int minimumSize, IProgress<string>? progress, CancellationToken cancellation)
    {
        if (files.Count == 0) throw new ArgumentException("The training set has no images.");
        Directory.CreateDirectory(cacheDirectory);
        var path = Path.Combine(cacheDirectory, CacheKey(layout, files, degradation, recipe, seed) + layout.Extension);
        if (!IsComplete(path, layout)) new Builder(layout, files, degradation, recipe, seed, minimumSize).Write(path, progress, cancellation);
        return path;
    }

    /// <summary>Fills one batch with random patches (N x C x P x P, row-major, scaled to 0..1): each from a random pair at
    /// least P pixels on each side, its rows turned into the channels by <see cref="ConvertRow"/>, then turned to a
    /// random orientation when <paramref name="orientations"/> is set. An even P keeps a patch on the chroma grid's
    /// phase through any flip.</summary>
    public void SampleBatch(Random random, int batchSize, int patchSize, Span<float> degraded, Span<float> clean, bool orientations = false)
    {
        int area = patchSize * patchSize, size = Channels * area, a = PatchAlignment;
        var scratch = orientations ? new float[area] : [];
        for (int b = 0; b < batchSize; b++)
        {
            Entry e;
            do e = _entries[random.Next(_entries.Length)]; while (e.Width < patchSize || e.Height < patchSize);
            int x0 = a * random.Next((e.Width - patchSize) / a + 1), y0 = a * random.Next((e.Height - patchSize) / a + 1);
            long plane = (long)e.Width * e.Height;
            for (int y = 0; y < patchSize; y++)
            {
                long row = (long)(y0 + y) * e.Width + x0;
                ConvertRow(e.CleanOffset + row, plane, patchSize, clean.Slice(b * size, size), y * patchSize, area);
                ConvertRow(e.DegradedOffset + row, plane, patchSize, degraded.Slice(b * size, size), y * patchSize, area);
            }
            if (!orientations) continue; // drawing nothing keeps the batches of runs without it as they were
            int symmetry = random.Next(PatchSymmetry.Count);
            PatchSymmetry.Apply(clean.Slice(b * size, size), Channels, patchSize, symmetry, scratch);
            PatchSymmetry.Apply(degraded.Slice(b * size, size), Channels, patchSize, symmetry, scratch);
        }
    }

    /// <summary>Turns one row of <paramref name="count"/> pixels of a pair's image (its first plane's bytes at
    /// <paramref name="offset"/>, each further plane <paramref name="plane"/> bytes on) into the patch's channels: at
    /// <paramref name="at"/> of each <paramref name="area"/>-sized channel of <paramref name="target"/>.</summary>
    private protected abstract void ConvertRow(long offset, long plane, int count, Span<float> target, int at, int area);

    /// <summary><paramref name="count"/> bytes of the file from <paramref name="offset"/> on.</summary>
    private protected unsafe ReadOnlySpan<byte> Bytes(long offset, int count) => new(_base + offset, count);

    static string CacheKey(PairLayout layout, IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed)
    {
        var key = new StringBuilder(layout.Magic).Append('|').Append(degradation.Spec);
        if (layout.KeyDetail is not null) key.Append('|').Append(layout.KeyDetail(degradation));
        key.Append('|').Append(seed).Append('|').Append(string.Join(',', recipe.Scales)).Append('|').Append(recipe.Rotations);
        foreach (var f in files)
        {
            var info = new FileInfo(f);
            key.Append('|').Append(info.FullName).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..20].ToLowerInvariant();
    }

    static bool IsComplete(string path, PairLayout layout)
    {
        if (!File.Exists(path)) return false;
        using var stream = File.OpenRead(path);
        var header = new byte[layout.Magic.Length];
        return stream.Read(header) == header.Length && Encoding.ASCII.GetString(header) == layout.Magic;
    }

    unsafe Entry[] ReadIndex()
    {
        int count = *(int*)(_base + _layout.Magic.Length);
        var entries = new Entry[count];
        long offset = _layout.Magic.Length + 4;
        for (int i = 0; i < count; i++)
        {
            if (offset + 8 > _view.Capacity)
                throw new InvalidDataException($"{char.ToUpperInvariant(_layout.Description[0])}{_layout.Description[1..]} cache is truncated; delete it to rebuild.");
            int w = *(int*)(_base + offset), h = *(int*)(_base + offset + 4);
            long size = _layout.Planes * (long)w * h;
            entries[i] = new Entry(offset + 8, offset + 8 + size, w, h);
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

    /// <summary>Writes a cache file. Layout: magic, pair count, then per pair width, height, the clean planes' bytes and
    /// the degraded planes' bytes. Written to a temporary file and renamed (<see cref="AtomicFile"/>), its magic set
    /// last, so an interrupted build leaves no cache that looks complete.</summary>
    sealed record Builder(PairLayout Layout, IReadOnlyList<string> Files, IDegradation Degradation, TrainingRecipe Recipe, int Seed, int MinimumSize)
    {
        public void Write(string path, IProgress<string>? progress, CancellationToken cancellation) => AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
            writer.Write(Encoding.ASCII.GetBytes(Layout.UnfinishedMagic));
            writer.Write(0);
            int count = 0;
            const int chunk = 8; // bounded memory: at most a few images' augmentations in flight
            for (int start = 0; start < Files.Count; start += chunk)
            {
                cancellation.ThrowIfCancellationRequested();
                var indices = Enumerable.Range(start, Math.Min(chunk, Files.Count - start)).ToArray();
                var prepared = new List<(Plane[] Clean, Plane[] Degraded)>[indices.Length];
                Parallel.For(0, indices.Length, new ParallelOptions { CancellationToken = cancellation },
                    k => prepared[k] = Augmented(Files[indices[k]], indices[k]));
                foreach (var pairs in prepared)
                    foreach (var (clean, degraded) in pairs)
                    {
                        writer.Write(clean[0].Width);
                        writer.Write(clean[0].Height);
                        foreach (var plane in clean.Concat(degraded)) writer.Write(ToBytes(plane));
                        count++;
                    }
                progress?.Report($"Prepared {Math.Min(start + chunk, Files.Count)} of {Files.Count} {Layout.Description} images");
            }
            writer.Flush();
            stream.Position = Layout.Magic.Length;
            writer.Write(count);
            stream.Position = 0;
            writer.Write(Encoding.ASCII.GetBytes(Layout.Magic));
        });

        /// <summary>The clean planes of one file at every recipe scale and rotation, each degraded whole.</summary>
        List<(Plane[], Plane[])> Augmented(string file, int fileIndex)
        {
            var planes = Layout.PlanesOf(ImageCodec.Read(file));
            var result = new List<(Plane[], Plane[])>();
            var scales = Recipe.Scales.Contains(1.0) ? Recipe.Scales : [1.0, .. Recipe.Scales];
            int variant = 0;
            foreach (var scale in scales)
            {
                var scaled = scale == 1.0 ? planes : planes.Select(c => PlaneResampling.Resize(c, scale).Quantized()).ToArray();
                foreach (var quarterTurns in Recipe.Rotations ? [0, 1, 2, 3] : new[] { 0 })
                {
                    var clean = scaled.Select(c => PlaneResampling.Rotate90(c, quarterTurns)).ToArray();
                    var random = new Random(SeedMixer.Mix(Seed, fileIndex, variant++));
                    var pair = Degradation.Apply(Layout.ImageOf(clean), random);
                    if (pair.Reference.Width >= MinimumSize && pair.Reference.Height >= MinimumSize)
                        result.Add((Layout.PlanesOf(pair.Reference), Layout.PlanesOf(pair.Degraded)));
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
    }
}

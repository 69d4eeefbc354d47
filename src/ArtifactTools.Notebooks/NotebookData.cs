using ArtifactTools.Imaging;

namespace ArtifactTools.Notebooks;

/// <summary>
/// Where the notebooks find images: the repository's own <c>data/photos</c> (always there, freely licensed) and the
/// research sets in <c>../shared/data</c> (BSDS500, Classic5, Kodak24) when this checkout has them; the environment
/// variable ARTIFACTTOOLS_SHARED_DATA points elsewhere.
/// </summary>
public static class NotebookData
{
    static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>The repository root (the folder holding ArtifactTools.sln), searched upwards from the working
    /// directory and from this assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "data", "photos");

    /// <summary>The research data folder, or null where this checkout has none (a user's clone, CI).</summary>
    public static string? SharedData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("ARTIFACTTOOLS_SHARED_DATA");
            var path = !string.IsNullOrEmpty(env) ? env : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>Image files of a research set (e.g. "Classic5", "BSDS500/val") when present, else the repository's
    /// samples, so every notebook runs everywhere; <paramref name="max"/> limits the count for small budgets.</summary>
    public static IReadOnlyList<string> Images(string set, int max = int.MaxValue)
    {
        var folder = HasSet(set) ? Path.Combine(SharedData!, set) : Samples;
        return ImagesIn(folder).Take(max).ToList();
    }

    public static IReadOnlyList<string> SampleImages(int max = int.MaxValue) => ImagesIn(Samples).Take(max).ToList();

    /// <summary>The papers' training set: BSDS500 train + test (paper 000 Section VI); without the research data, all
    /// sample photos but the last (which <see cref="ValidationImages"/> keeps apart).</summary>
    public static IReadOnlyList<string> TrainingImages(int max = int.MaxValue) =>
        HasSet("BSDS500/train")
            ? ImagesIn(Path.Combine(SharedData!, "BSDS500", "train")).Concat(ImagesIn(Path.Combine(SharedData!, "BSDS500", "test"))).Take(max).ToList()
            : ImagesIn(Samples).SkipLast(1).Take(max).ToList();

    /// <summary>The papers' validation set: BSDS500 val; without the research data, the last sample photo.</summary>
    public static IReadOnlyList<string> ValidationImages(int max = int.MaxValue) =>
        HasSet("BSDS500/val") ? ImagesIn(Path.Combine(SharedData!, "BSDS500", "val")).Take(max).ToList() : ImagesIn(Samples).TakeLast(1).ToList();

    /// <summary>Centre crops of at most <paramref name="side"/> x <paramref name="side"/> pixels, written once as PNG
    /// under out/notebooks/crops: small budgets train and validate on small images, and since the files stay the same
    /// the trainer's patch cache is reused on the next run. Images already small enough are returned as they are.</summary>
    public static IReadOnlyList<string> Cropped(IEnumerable<string> paths, int side)
    {
        var folder = Path.Combine(RepositoryRoot, "out", "notebooks", "crops", side.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return paths.Select(path =>
        {
            var target = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".png");
            if (File.Exists(target)) return target;
            var image = ImageCodec.Read(path);
            if (image.Width <= side && image.Height <= side) return path;
            int w = Math.Min(side, image.Width), h = Math.Min(side, image.Height);
            Directory.CreateDirectory(folder);
            ImageCodec.Write(new CropRegion((image.Width - w) / 2, (image.Height - h) / 2, w, h).Of(image), target, ImageEncoding.Png);
            return target;
        }).ToList();
    }

    /// <summary>The Y channel (MATLAB rgb2ycbcr, what the papers restore and score) of an image, centre-cropped to at
    /// most <paramref name="side"/> x <paramref name="side"/> pixels.</summary>
    public static Plane Luma(string path, int side = int.MaxValue)
    {
        var y = ColorConversion.Luma(ImageCodec.Read(path));
        int w = Math.Min(side, y.Width), h = Math.Min(side, y.Height);
        return w == y.Width && h == y.Height ? y : new CropRegion((y.Width - w) / 2, (y.Height - h) / 2, w, h).Of(y);
    }

    /// <summary>Whether the research data has <paramref name="set"/> (e.g. "Classic5"): then <see cref="Images"/> reads it.</summary>
    public static bool HasSet(string set) => SharedData is { } shared && Directory.Exists(Path.Combine(shared, set));

    /// <summary>Says which folder <see cref="Images"/> would read, for the notebook's text.</summary>
    public static string Describe(string set) =>
        HasSet(set)
            ? $"{set} from {Path.Combine(SharedData!, set)}"
            : $"{set} is not on this machine: using the repository's sample photos in {Samples} instead";

    static IEnumerable<string> ImagesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal)
            : [];

    static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NotebookData).Assembly.Location) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ArtifactTools.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

namespace ArtifactTools.Notebooks;

/// <summary>
/// Where the notebooks find images: the repository's own <c>data/samples</c> (always there, freely licensed) and the
/// research sets in <c>../shared/data</c> (BSDS500, Classic5, Kodak24) when this checkout has them; the environment
/// variable ARTIFACTTOOLS_SHARED_DATA points elsewhere.
/// </summary>
public static class NotebookData
{
    static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>The repository root (the folder holding ArtifactTools.sln), searched upwards from the working
    /// directory and from this assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "data", "samples");

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
        var folder = SharedData is { } shared && Directory.Exists(Path.Combine(shared, set)) ? Path.Combine(shared, set) : Samples;
        return ImagesIn(folder).Take(max).ToList();
    }

    public static IReadOnlyList<string> SampleImages(int max = int.MaxValue) => ImagesIn(Samples).Take(max).ToList();

    /// <summary>Says which folder <see cref="Images"/> would read, for the notebook's text.</summary>
    public static string Describe(string set) =>
        SharedData is { } shared && Directory.Exists(Path.Combine(shared, set))
            ? $"{set} from {Path.Combine(shared, set)}"
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

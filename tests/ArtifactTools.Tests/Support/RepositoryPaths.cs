namespace ArtifactTools.Tests.Support;

/// <summary>Locations in the repository and the optional research data beside it (../shared/data).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Manifest => Path.Combine(Root, "ArtifactTools.psd1");
    public static string Data => Path.Combine(Root, "data");

    /// <summary>../shared/data when this checkout has it (development machines), else null: tests then skip.</summary>
    public static string? SharedData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("ARTIFACTTOOLS_SHARED_DATA");
            var path = !string.IsNullOrEmpty(env) ? env : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ArtifactTools.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (ArtifactTools.sln) not found above " + AppContext.BaseDirectory);
    }
}

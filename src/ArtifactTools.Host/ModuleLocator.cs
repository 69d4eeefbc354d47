namespace ArtifactTools.Host;

/// <summary>Finds ArtifactTools.psd1: $ARTIFACTTOOLS_MODULE, else the first ancestor of the host's folder holding it.</summary>
public static class ModuleLocator
{
    public static string? FindManifest()
    {
        var configured = Environment.GetEnvironmentVariable("ARTIFACTTOOLS_MODULE");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ArtifactTools.psd1");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

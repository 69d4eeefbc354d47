namespace ArtifactTools.Runtime;

/// <summary>Where ArtifactTools keeps per-user files that can be rebuilt (patched natives, prepared training data).</summary>
public static class UserFolders
{
    /// <summary>$XDG_CACHE_HOME/ArtifactTools, else ~/.cache/ArtifactTools.</summary>
    public static string Cache
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrEmpty(xdg) ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "ArtifactTools");
        }
    }
}

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

    /// <summary>A subfolder of <see cref="Cache"/>, created and proved writable; the error names it and how to move it.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public static string WritableCache(string name)
    {
        var folder = Path.Combine(Cache, name);
        FileSystem.WritableFolder.Ensure(folder, "cache folder",
            "Make it writable, or point XDG_CACHE_HOME at a writable folder (the cache then lives in $XDG_CACHE_HOME/ArtifactTools).");
        return folder;
    }
}

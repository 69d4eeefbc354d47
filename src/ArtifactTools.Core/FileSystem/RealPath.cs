namespace ArtifactTools.FileSystem;

/// <summary>
/// Canonical file-system paths: absolute, with every symbolic link on the way resolved, so that an output folder that
/// is a link to the input folder is recognised as the same place. Parts that do not exist yet are kept as written.
/// </summary>
public static class RealPath
{
    /// <summary>Path comparison as the file system does it: case-sensitive on Linux, insensitive on Windows and macOS.</summary>
    public static StringComparer Comparer { get; } =
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public static bool Same(string a, string b) => Comparer.Equals(Of(a), Of(b));

    public static string Of(string path) => Resolve(Path.GetFullPath(path), depth: 0);

    static string Resolve(string full, int depth)
    {
        // Link cycles end in an error from the OS on use; here they just stop resolving.
        if (depth > 40) return full;
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists && info.LinkTarget is null)
                return Path.Combine([current, .. parts[i..]]); // the rest does not exist: nothing more to resolve
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null) next = Resolve(Path.GetFullPath(target.FullName), depth + 1);
            }
            current = next;
        }
        return current;
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="root"/>, or null when it is not inside it.</summary>
    public static string? RelativeInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative) ? null : relative;
    }
}

using System.Text.Json;
using ArtifactTools.FileSystem;

namespace ArtifactTools.Runtime;

/// <summary>
/// Choices measured on this machine (which oneDNN kernels train exactly, the fastest tile size and precision per
/// network), kept as small JSON files per CPU and libtorch build (<see cref="CpuIdentity.Key"/>) under the user cache
/// folder, so each is measured once per machine instead of assumed. Deleting the folder measures again.
/// </summary>
public sealed class TuningCache(string folder)
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>$XDG_CACHE_HOME/ArtifactTools/tuning/&lt;CPU key&gt;.</summary>
    public static TuningCache ForThisMachine { get; } = new(Path.Combine(UserFolders.Cache, "tuning", CpuIdentity.Current.Key));

    public string Folder { get; } = folder;

    /// <summary>The entry saved under <paramref name="name"/>; null when absent or unreadable (then it is measured again).</summary>
    public T? Read<T>(string name) where T : class
    {
        var path = PathOf(name);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json); }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException) { return null; }
    }

    /// <summary>Saves an entry atomically; a cache that cannot be written only means measuring again next time.</summary>
    public void Write<T>(string name, T value)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            AtomicFile.WriteAllText(PathOf(name), JsonSerializer.Serialize(value, Json));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    public void Remove(string name)
    {
        try { File.Delete(PathOf(name)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    string PathOf(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return Path.Combine(Folder, safe + ".json");
    }
}

namespace ArtifactTools.FileSystem;

/// <summary>
/// Writes a file whole or not at all: into a hidden temporary file beside the target (same folder, so the rename
/// cannot cross file systems), then a rename over it. Readers never see a half-written file, a failure or a killed
/// process leaves the previous file as it was, and a failed write removes its temporary file. The temporary name
/// carries the writer's process id, so the next write of the same file removes what a killed process left (a live
/// writer's file is left alone).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes through <paramref name="write"/>, which gets a seekable stream of a new temporary file.
    /// <paramref name="durable"/> flushes it to disk before the rename (models, checkpoints: a power cut must not leave
    /// an empty file under the final name).</summary>
    public static void Write(string path, Action<FileStream> write, bool durable = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        RemoveStaleTemporaries(full);
        var temp = TemporaryPathFor(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    public static void WriteAllBytes(string path, byte[] bytes, bool durable = false) =>
        Write(path, stream => stream.Write(bytes), durable);

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>".name.&lt;pid&gt;-&lt;guid&gt;.tmp" beside the target: hidden, unique so concurrent writers never share
    /// one, and marked with its writer. Every temporary file ArtifactTools makes is named here.</summary>
    public static string TemporaryPathFor(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    static void RemoveStaleTemporaries(string full)
    {
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (!Directory.Exists(directory)) return;
        foreach (var temp in Directory.EnumerateFiles(directory, $".{name}.*-*.tmp"))
        {
            var tag = Path.GetFileName(temp)[(name.Length + 2)..];
            if (!int.TryParse(tag[..tag.IndexOf('-')], out var pid) || IsAlive(pid)) continue;
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static bool IsAlive(int pid)
    {
        try { using var process = System.Diagnostics.Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}

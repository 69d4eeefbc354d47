namespace ArtifactTools.FileSystem;

/// <summary>
/// Writes a file whole or not at all: into a hidden temporary file beside the target (same folder, so the rename
/// cannot cross file systems), then a rename over it. Readers never see a half-written file, a failure or a killed
/// process leaves the previous file as it was, and a failed write removes its temporary file.
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

    /// <summary>".name.&lt;guid&gt;.tmp" beside the target: hidden, and unique so concurrent writers never share one.
    /// Every temporary file ArtifactTools makes is named here.</summary>
    public static string TemporaryPathFor(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
}

namespace ArtifactTools.FileSystem;

/// <summary>Creates an output folder and proves it takes files before any work is spent on what goes into it.</summary>
public static class WritableFolder
{
    /// <exception cref="IOException">The folder cannot be created or written; the message names it.</exception>
    public static void Ensure(string folder)
    {
        var probe = AtomicFile.TemporaryPathFor(Path.Combine(folder, "artifacttools-probe"));
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The output folder '{folder}' cannot be written: {ex.Message}", ex);
        }
    }
}

namespace ArtifactTools.FileSystem;

/// <summary>Creates a folder and proves it takes files before any work is spent on what goes into it.</summary>
public static class WritableFolder
{
    /// <exception cref="IOException">The folder cannot be created or written; the message names it.</exception>
    /// <param name="role">What the folder is for, as the message names it ("output folder", "cache folder").</param>
    /// <param name="remedy">A sentence saying what to do instead; appended to the message.</param>
    public static void Ensure(string folder, string role = "output folder", string? remedy = null)
    {
        var probe = AtomicFile.TemporaryPathFor(Path.Combine(folder, "artifacttools-probe"));
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The {role} '{folder}' cannot be written: {ex.Message}{(remedy is null ? "" : " " + remedy)}", ex);
        }
    }
}

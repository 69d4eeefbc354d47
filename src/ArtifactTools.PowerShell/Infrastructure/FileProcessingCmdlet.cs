using System.Management.Automation;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>
/// Base of every cmdlet that takes a set of files: -Path (wildcards, pipeline strings) and -LiteralPath (bound by
/// property name from FileInfo.FullName, PSPath, or any object with a Path/FullName property). Each resolved file
/// goes to <see cref="ProcessFile"/>; a failure there becomes a non-terminating error for that file only.
/// </summary>
public abstract class FileProcessingCmdlet : PSCmdlet
{
    protected const string PathSet = "Path", LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    protected sealed override void ProcessRecord()
    {
        foreach (var file in ResolveInputFiles())
        {
            if (Stopping) return;
            AcceptFile(file);
        }
    }

    /// <summary>Called for each input file as it arrives; processes it at once unless a cmdlet collects the run first.</summary>
    protected virtual void AcceptFile(string path) => ProcessGuarded(path);

    /// <summary>Runs <see cref="ProcessFile"/>; a failure becomes a non-terminating error for that file only.</summary>
    protected void ProcessGuarded(string path)
    {
        try
        {
            ProcessFile(path);
        }
        catch (PipelineStoppedException) { throw; }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            WriteError(ErrorRecords.ForFile(ex, path));
        }
    }

    /// <summary>Handles one input file (a full file-system path that exists).</summary>
    protected abstract void ProcessFile(string path);

    IEnumerable<string> ResolveInputFiles()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var inputs = literal ? LiteralPath : Path;
        var resolved = new List<string>();
        foreach (var input in inputs)
        {
            var files = PathResolution.ResolveFiles(this, input, literal, out var error);
            if (error is not null) WriteError(error);
            resolved.AddRange(files);
        }
        return resolved;
    }
}

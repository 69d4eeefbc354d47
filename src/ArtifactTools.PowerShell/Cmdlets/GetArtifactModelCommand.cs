using System.Management.Automation;
using ArtifactTools.Models;
using ArtifactTools.PowerShell.Completion;
using ArtifactTools.PowerShell.Infrastructure;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Get-ArtifactModel: shipped and user models with their metadata and scores.</summary>
[Cmdlet(VerbsCommon.Get, "ArtifactModel", DefaultParameterSetName = NameSet)]
[OutputType(typeof(ModelInfo))]
public sealed class GetArtifactModelCommand : PSCmdlet
{
    const string NameSet = "Name", PathSet = "Path";

    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ModelNameCompleter))]
    public string[] Name { get; set; } = ["*"];

    [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
        {
            foreach (var input in Path)
                foreach (var file in PathResolution.ResolveFiles(this, input, literal: false, out var error).Concat(ReportError(error)))
                {
                    try { WriteObject(ModelInfo.FromFile(file)); }
                    catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                    {
                        WriteError(ErrorRecords.ForFile(ex, file));
                    }
                }
            return;
        }

        var catalog = ModelCatalog.Default();
        foreach (var problem in catalog.Problems) WriteWarning(problem);
        var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (var name in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
            if (catalog.Find(name) is null)
                WriteError(ErrorRecords.Create(new ItemNotFoundException($"No model named '{name}'. Searched: {string.Join(", ", catalog.UserDirectories.Concat(catalog.ShippedDirectories))}."),
                    "ModelNotFound", ErrorCategory.ObjectNotFound, name));
        WriteObject(catalog.Models.Where(m => patterns.Any(p => p.IsMatch(m.Name))), enumerateCollection: true);
    }

    IEnumerable<string> ReportError(ErrorRecord? error)
    {
        if (error is not null) WriteError(error);
        return [];
    }
}

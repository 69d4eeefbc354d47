using System.Management.Automation;
using ArtifactTools.Imaging;
using ArtifactTools.PowerShell.Infrastructure;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Estimates the IJG quality each JPEG was saved at, from its quantization tables. A file that is not a
/// JPEG gives a warning and a result with Quality $null, so a folder scan lists every file.</summary>
[Cmdlet(VerbsCommon.Get, "JpegQuality", DefaultParameterSetName = PathSet)]
[OutputType(typeof(JpegQualityInfo))]
public sealed class GetJpegQualityCommand : FileProcessingCmdlet
{
    protected override void ProcessFile(string path)
    {
        var estimate = JpegQualityEstimator.EstimateFile(path);
        if (estimate is null) WriteWarning($"'{path}' is not a JPEG (no quantization tables); its quality is unknown.");
        WriteObject(new JpegQualityInfo(path, estimate?.Quality, estimate?.ExactIjgTables ?? false));
    }
}

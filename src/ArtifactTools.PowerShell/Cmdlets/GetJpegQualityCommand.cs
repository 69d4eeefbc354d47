using System.Management.Automation;
using ArtifactTools.Imaging;
using ArtifactTools.PowerShell.Infrastructure;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Get-JpegQuality: the IJG quality of JPEG files, from their quantization tables.</summary>
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

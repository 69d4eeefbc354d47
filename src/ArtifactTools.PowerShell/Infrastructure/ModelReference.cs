using System.Management.Automation;
using ArtifactTools.Models;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>What -Model and -InitializeFrom accept: a model file, else the name of a shipped or user model.</summary>
public static class ModelReference
{
    /// <summary>The model file <paramref name="reference"/> names; a terminating ModelNotFound error when none.</summary>
    public static string Resolve(PSCmdlet cmdlet, string reference, ModelCatalog catalog)
    {
        var asPath = PathResolution.ResolveOutput(cmdlet, reference);
        if (File.Exists(asPath)) return asPath;
        if (catalog.Find(reference) is { } info) return info.Path;
        cmdlet.ThrowTerminatingError(ErrorRecords.Create(new ItemNotFoundException(
                $"No model file or model named '{reference}'. Get-ArtifactModel lists the models; or pass a .safetensors file."),
            "ModelNotFound", ErrorCategory.ObjectNotFound, reference));
        return null!;
    }
}

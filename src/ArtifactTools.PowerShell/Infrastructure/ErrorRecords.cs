using System.Management.Automation;
using ArtifactTools.Imaging;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>One place that turns exceptions into error records with stable ids and the right categories.</summary>
public static class ErrorRecords
{
    public static ErrorRecord Create(Exception ex, string id, ErrorCategory category, object? target) =>
        new(ex, id, category, target);

    public static ErrorRecord ForFile(Exception ex, string path) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException or ItemNotFoundException =>
            Create(ex, "FileNotFound", ErrorCategory.ObjectNotFound, path),
        UnauthorizedAccessException => Create(ex, "AccessDenied", ErrorCategory.PermissionDenied, path),
        ImageDecodeException => Create(ex, "InvalidImage", ErrorCategory.InvalidData, path),
        InvalidDataException => Create(ex, "InvalidData", ErrorCategory.InvalidData, path),
        ArgumentException => Create(ex, "InvalidArgument", ErrorCategory.InvalidArgument, path),
        IOException => Create(ex, "IOError", ErrorCategory.WriteError, path),
        OperationCanceledException => Create(ex, "Cancelled", ErrorCategory.OperationStopped, path),
        _ => Create(ex, ex.GetType().Name, ErrorCategory.NotSpecified, path),
    };
}

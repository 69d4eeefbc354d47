using System.Management.Automation;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>PowerShell path semantics (PSDrives, relative to $PWD, wildcards) resolved to file-system paths.</summary>
public static class PathResolution
{
    /// <summary>Files named by <paramref name="input"/>; a directory yields nothing here (callers that accept
    /// directories resolve them with <see cref="ResolveExisting"/>). Missing items give an error record.</summary>
    public static IReadOnlyList<string> ResolveFiles(PSCmdlet cmdlet, string input, bool literal, out ErrorRecord? error)
    {
        error = null;
        var paths = ResolveExisting(cmdlet, input, literal, out error);
        var files = paths.Where(File.Exists).ToList();
        if (error is null && files.Count == 0 && paths.Count > 0 && paths.All(Directory.Exists))
            error = ErrorRecords.Create(new IOException($"'{input}' is a directory; pass files, e.g. '{System.IO.Path.Combine(input, "*.jpg")}'."),
                "PathIsDirectory", ErrorCategory.InvalidArgument, input);
        return files;
    }

    /// <summary>Existing file-system items matched by <paramref name="input"/>.</summary>
    public static IReadOnlyList<string> ResolveExisting(PSCmdlet cmdlet, string input, bool literal, out ErrorRecord? error)
    {
        error = null;
        try
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(input))
            {
                var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(input);
                if (File.Exists(path) || Directory.Exists(path)) return [path];
                error = ErrorRecords.Create(new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."),
                    "PathNotFound", ErrorCategory.ObjectNotFound, input);
                return [];
            }
            var matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(input, out var provider);
            if (provider.Name != "FileSystem")
                throw new PSArgumentException($"'{input}' is not a file-system path.");
            if (matches.Count == 0)
            {
                if (ExistingLiteral(cmdlet, input) is { } file) return [file];
                error = ErrorRecords.Create(new ItemNotFoundException($"No files match '{input}'."),
                    "PathNotFound", ErrorCategory.ObjectNotFound, input);
            }
            return matches.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }
        catch (ItemNotFoundException ex)
        {
            if (ExistingLiteral(cmdlet, input) is { } file) return [file];
            error = ErrorRecords.Create(ex, "PathNotFound", ErrorCategory.ObjectNotFound, input);
            return [];
        }
        catch (Exception ex) when (ex is ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or PSArgumentException or NotSupportedException)
        {
            error = ErrorRecords.Create(ex, "InvalidPath", ErrorCategory.InvalidArgument, input);
            return [];
        }
    }

    /// <summary>A pattern that matches nothing but names an existing item literally, e.g. 'scan[1].jpg': result objects
    /// (New-DegradedImage, Invoke-ArtifactRestore) bind their Path property to -Path, which treats [ ] as wildcards.</summary>
    static string? ExistingLiteral(PSCmdlet cmdlet, string input)
    {
        var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(input);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>A path the user names for writing (need not exist), as a file-system path.</summary>
    public static string ResolveOutput(PSCmdlet cmdlet, string path) =>
        cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
}

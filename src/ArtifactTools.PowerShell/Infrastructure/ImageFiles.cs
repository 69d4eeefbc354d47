using System.Management.Automation;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>Expands a path argument that may name image files, wildcards, or folders of images.</summary>
public static class ImageFiles
{
    static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
        { ".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp", ".jp2", ".j2k", ".gif", ".pgm", ".ppm" };

    public static bool IsImageFile(string path) => Extensions.Contains(Path.GetExtension(path));

    public static IReadOnlyList<string> Resolve(PSCmdlet cmdlet, string input)
    {
        var items = PathResolution.ResolveExisting(cmdlet, input, literal: false, out var error);
        if (error is not null) cmdlet.WriteError(error);
        return items.SelectMany<string, string>(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p).Where(IsImageFile).Order(StringComparer.Ordinal)
                : new[] { p })
            .ToList();
    }
}

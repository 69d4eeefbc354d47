using System.Management.Automation;
using ArtifactTools.Imaging;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>Lets a format parameter take the file extensions users type (jpg, jpeg, png, tif, jp2, webp, bmp) as well as
/// the <see cref="ImageFileFormat"/> names.</summary>
public sealed class ImageFormatNameAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text || Enum.TryParse<ImageFileFormat>(text, ignoreCase: true, out _)) return inputData;
        try { return ImageEncoding.FormatFromExtension("." + text.TrimStart('.')); }
        catch (ArgumentException) { return inputData; } // the enum binder then lists the valid names
    }
}

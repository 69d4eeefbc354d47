using ImageMagick;

namespace ArtifactTools.Imaging;

/// <summary>
/// ImageMagick's process-wide limits, applied once before the first decode. They let a 100-megapixel photo through
/// and stop decompression bombs (a tiny file that claims 10^6 x 10^6 pixels) before they allocate anything.
/// </summary>
static class MagickSetup
{
    const ulong MaxSide = 65_000, MaxPixels = 400_000_000;

    static MagickSetup()
    {
        Runtime.MagickNative.EnsureResolvable(); // this is ImageMagick's first native call in a process
        ResourceLimits.Width = MaxSide;
        ResourceLimits.Height = MaxSide;
        ResourceLimits.Area = MaxPixels;
        ResourceLimits.ListLength = 64; // multi-page TIFFs: enough pages, no bomb of millions of frames
    }

    /// <summary>Runs the static constructor (a no-op afterwards).</summary>
    public static void EnsureInitialized() { }

    public static MagickFormat ToMagick(ImageFileFormat format) => format switch
    {
        ImageFileFormat.Png => MagickFormat.Png,
        ImageFileFormat.Jpeg => MagickFormat.Jpeg,
        ImageFileFormat.Jpeg2000 => MagickFormat.Jp2,
        ImageFileFormat.WebP => MagickFormat.WebP,
        ImageFileFormat.Bmp => MagickFormat.Bmp,
        ImageFileFormat.Tiff => MagickFormat.Tiff,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "SameAsInput must be resolved to a concrete format first."),
    };

    public static string NameOf(ImageFileFormat format) => format switch
    {
        ImageFileFormat.Jpeg2000 => "JPEG2000",
        _ => format.ToString().ToUpperInvariant(),
    };

    public static ImageFileFormat? FromName(string? name) => name?.ToUpperInvariant() switch
    {
        "PNG" => ImageFileFormat.Png,
        "JPEG" => ImageFileFormat.Jpeg,
        "JPEG2000" => ImageFileFormat.Jpeg2000,
        "WEBP" => ImageFileFormat.WebP,
        "BMP" => ImageFileFormat.Bmp,
        "TIFF" => ImageFileFormat.Tiff,
        _ => null,
    };
}

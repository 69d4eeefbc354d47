namespace ArtifactTools.Imaging;

/// <summary>
/// How to write an image: format, quality (JPEG/WebP 1..100; JPEG 2000: bits per pixel is set by the degradation, not
/// here) and bit depth (8 or 16; 16 only where the format carries it: PNG, TIFF). Null means "the format's default":
/// JPEG 95, WebP 90, and the image's own bit depth. <paramref name="Comment"/> is embedded where the format carries text
/// (PNG text chunk, JPEG comment, TIFF description, WebP XMP); BMP and JPEG 2000 drop it.
/// </summary>
public sealed record ImageEncoding(ImageFileFormat Format, int? Quality = null, int? BitDepth = null, string? Comment = null)
{
    public const int DefaultJpegQuality = 95, DefaultWebPQuality = 90;

    public static ImageEncoding Png { get; } = new(ImageFileFormat.Png);
    public static ImageEncoding Bmp { get; } = new(ImageFileFormat.Bmp);
    public static ImageEncoding Tiff { get; } = new(ImageFileFormat.Tiff);
    public static ImageEncoding SameAsInput { get; } = new(ImageFileFormat.SameAsInput);
    public static ImageEncoding Jpeg(int quality) => new(ImageFileFormat.Jpeg, quality);
    public static ImageEncoding WebP(int quality) => new(ImageFileFormat.WebP, quality);

    /// <summary>The format a file name asks for (".jpg" -> JPEG, ".png" -> PNG, ...).</summary>
    /// <exception cref="ArgumentException">The extension names no supported format.</exception>
    public static ImageEncoding FromExtension(string path) => new(FormatFromExtension(path));

    public static ImageFileFormat FormatFromExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => ImageFileFormat.Png,
            ".jpg" or ".jpeg" or ".jpe" or ".jfif" => ImageFileFormat.Jpeg,
            ".jp2" or ".j2k" or ".j2c" or ".jpc" => ImageFileFormat.Jpeg2000,
            ".webp" => ImageFileFormat.WebP,
            ".bmp" or ".dib" => ImageFileFormat.Bmp,
            ".tif" or ".tiff" => ImageFileFormat.Tiff,
            var ext => throw new ArgumentException(
                $"'{path}': the extension '{ext}' names no supported image format (png, jpg, jp2, webp, bmp, tif).", nameof(path)),
        };

    /// <summary>The usual file extension of a format, with the dot.</summary>
    public static string ExtensionOf(ImageFileFormat format) => format switch
    {
        ImageFileFormat.Png => ".png",
        ImageFileFormat.Jpeg => ".jpg",
        ImageFileFormat.Jpeg2000 => ".jp2",
        ImageFileFormat.WebP => ".webp",
        ImageFileFormat.Bmp => ".bmp",
        ImageFileFormat.Tiff => ".tif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "SameAsInput has no extension of its own."),
    };
}

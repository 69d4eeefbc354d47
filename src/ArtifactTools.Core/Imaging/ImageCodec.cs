using ArtifactTools.FileSystem;
using ImageMagick;

namespace ArtifactTools.Imaging;

/// <summary>
/// Reads and writes image files through ImageMagick. Reading never auto-orients (JPEG blocks live in the stored
/// orientation, and the EXIF orientation tag travels with the image instead), keeps EXIF and ICC bytes, and turns
/// every failure, including the truncated files ImageMagick only warns about, into <see cref="ImageDecodeException"/>.
/// </summary>
public static class ImageCodec
{
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ImageDecodeException">The file is not a readable image.</exception>
    public static RasterImage Read(string path) => Decode(File.ReadAllBytes(path), path);

    /// <exception cref="ImageDecodeException">Empty, truncated or corrupt data, or not a supported image format.</exception>
    public static RasterImage Decode(byte[] bytes, string? nameForErrors = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = nameForErrors ?? "(in memory)";
        if (bytes.Length == 0) throw new ImageDecodeException(name, "the file is empty.");
        var format = ImageSignature.Detect(bytes) ?? throw new ImageDecodeException(name,
            "not a supported image: its first bytes match none of PNG, JPEG, JPEG 2000, WebP, BMP, TIFF.");

        MagickSetup.EnsureInitialized();
        using var image = new MagickImage();
        string? dataLoss = null;
        image.Warning += (_, e) => dataLoss ??= IsDataLoss(e.Message) ? e.Message : null;
        try
        {
            image.Read(bytes, new MagickReadSettings { Format = MagickSetup.ToMagick(format) });
        }
        catch (MagickException ex)
        {
            throw new ImageDecodeException(name, $"{MagickSetup.NameOf(format)} data cannot be decoded: {FirstLine(ex.Message)}", ex);
        }
        if (dataLoss is not null)
            throw new ImageDecodeException(name, $"the {MagickSetup.NameOf(format)} data is truncated or corrupt: {FirstLine(dataLoss)}");
        return MagickBridge.ToRaster(image, format);
    }

    /// <summary>Encodes to bytes. 8-bit output (ImageMagick here is the 8-bit build); EXIF and ICC are written where the
    /// format carries them (PNG, JPEG, WebP, TIFF). An EXIF orientation travels as the tag in JPEG and TIFF and is applied
    /// to the pixels in the other formats, whose viewers ignore it.</summary>
    public static byte[] Encode(RasterImage image, ImageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(encoding);
        var format = Resolve(image, encoding.Format);
        if (!DisplayOrientation.TagIsHonoured(format)) image = DisplayOrientation.Apply(image);
        using var magick = MagickBridge.ToMagick(image);
        Configure(magick, format, encoding.Quality);
        if (encoding.Comment is not null) Annotate(magick, format, encoding.Comment);
        return magick.ToByteArray(MagickSetup.ToMagick(format));
    }

    /// <summary>Writes atomically: encodes, writes a temporary file in the same directory, then moves it over
    /// <paramref name="path"/>; a failure leaves no partial file.</summary>
    public static void Write(RasterImage image, string path, ImageEncoding encoding)
    {
        var format = encoding.Format == ImageFileFormat.SameAsInput && image.SourceFormat is null
            ? ImageEncoding.FormatFromExtension(path) : encoding.Format;
        AtomicFile.WriteAllBytes(path, Encode(image, encoding with { Format = format }));
    }

    static ImageFileFormat Resolve(RasterImage image, ImageFileFormat format) =>
        format != ImageFileFormat.SameAsInput ? format
        : MagickSetup.FromName(image.SourceFormat) ?? throw new ArgumentException(
            "The encoding says 'same as input' but the image has no source format; name a format.", nameof(format));

    internal static void Configure(MagickImage magick, ImageFileFormat format, int? quality)
    {
        if (quality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Quality must be 1..100.");
        magick.Depth = 8;
        switch (format)
        {
            case ImageFileFormat.Jpeg:
                magick.Quality = (uint)(quality ?? ImageEncoding.DefaultJpegQuality);
                magick.Settings.SetDefine(MagickFormat.Jpeg, "dct-method", "islow");
                break;
            case ImageFileFormat.WebP:
                magick.Quality = (uint)(quality ?? ImageEncoding.DefaultWebPQuality);
                break;
            case ImageFileFormat.Png:
                magick.Settings.SetDefine(MagickFormat.Png, "exclude-chunks", "date,time"); // reproducible bytes
                magick.Settings.SetDefine(MagickFormat.Png, "preserve-iCCP", "true");       // not an sRGB chunk in its place
                break;
            case ImageFileFormat.Bmp:
                // A gray image becomes an 8-bit palette BMP (as Classic5 is), which reads back as gray; 24-bit would not.
                if (magick.ColorSpace == ColorSpace.Gray)
                    magick.Quantize(new QuantizeSettings { Colors = 256, ColorSpace = ColorSpace.Gray, DitherMethod = DitherMethod.No });
                break;
        }
    }

    static void Annotate(MagickImage magick, ImageFileFormat format, string comment)
    {
        if (format == ImageFileFormat.WebP)
        {
            // ImageMagick's WebP writer keeps no comment, but it does write an XMP chunk.
            var text = System.Security.SecurityElement.Escape(comment);
            magick.SetProfile(new XmpProfile(System.Text.Encoding.UTF8.GetBytes(
                $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                $"<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"><exif:UserComment>{text}</exif:UserComment>" +
                "</rdf:Description></rdf:RDF></x:xmpmeta>")));
        }
        else magick.Comment = comment;
    }

    /// <summary>libjpeg, libpng and libtiff report lost data as warnings; a decoded image with missing rows is no image.</summary>
    static bool IsDataLoss(string message)
    {
        var m = message.ToLowerInvariant();
        return m.Contains("premature end") || m.Contains("truncat") || m.Contains("bad huffman")
            || m.Contains("unexpected end") || m.Contains("insufficient image data") || m.Contains("corrupt image")
            || m.Contains("read error") || m.Contains("not enough data") || m.Contains("incomplete");
    }

    static string FirstLine(string message)
    {
        // ImageMagick appends " `file' @ warning/jpeg.c/..." source locations; users need only the reason.
        var line = message.Split('\n')[0];
        var at = line.IndexOf(" `", StringComparison.Ordinal);
        if (at > 0) line = line[..at];
        line = line.Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}

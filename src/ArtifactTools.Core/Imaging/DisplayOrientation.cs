using ImageMagick;

namespace ArtifactTools.Imaging;

/// <summary>
/// Applies an image's EXIF orientation to its pixels. Restoring works in the stored orientation (the JPEG block grid
/// lives there); formats whose viewers ignore the EXIF tag (PNG, WebP, BMP, JPEG 2000) get the pixels turned on
/// writing, and metrics compare two files as they are displayed, so a turned output still matches its reference.
/// </summary>
public static class DisplayOrientation
{
    /// <summary>Formats whose viewers honour the EXIF orientation tag, so it can travel as a tag.</summary>
    public static bool TagIsHonoured(ImageFileFormat format) => format is ImageFileFormat.Jpeg or ImageFileFormat.Tiff;

    /// <summary>The EXIF orientation (1..8) of the image; 1 when it has none.</summary>
    public static int Of(RasterImage image)
    {
        if (image.Exif is not { Length: > 0 } exif) return 1;
        var value = new ExifProfile(exif).GetValue(ExifTag.Orientation)?.Value ?? 1;
        return value is >= 1 and <= 8 ? value : 1;
    }

    /// <summary>The image as displayed: pixels turned per the EXIF orientation and the tag reset to 1 (top-left).
    /// Returns the image itself when there is nothing to turn.</summary>
    public static RasterImage Apply(RasterImage image)
    {
        int orientation = Of(image);
        if (orientation == 1) return image;
        var exif = new ExifProfile(image.Exif!);
        exif.SetValue(ExifTag.Orientation, (ushort)1);
        return new RasterImage
        {
            ColorModel = image.ColorModel,
            Channels = image.Channels.Select(c => Turn(c, orientation)).ToArray(),
            Alpha = image.Alpha is null ? null : Turn(image.Alpha, orientation),
            BitDepth = image.BitDepth,
            Exif = exif.ToByteArray(),
            IccProfile = image.IccProfile,
            SourceFormat = image.SourceFormat,
        };
    }

    /// <summary>EXIF orientations: 2 mirror, 3 rotate 180, 4 flip, 5 transpose, 6 rotate 90 clockwise, 7 transverse,
    /// 8 rotate 90 counter-clockwise (to display, the stored image is turned this way).</summary>
    static Plane Turn(Plane source, int orientation)
    {
        int w = source.Width, h = source.Height;
        bool swap = orientation >= 5;
        var target = swap ? new Plane(h, w) : new Plane(w, h);
        int tw = target.Width;
        var from = source.Data;
        var to = target.Data;
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            (int tx, int ty) = orientation switch
            {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (h - 1 - y, x),
                7 => (h - 1 - y, w - 1 - x),
                _ => (y, w - 1 - x), // 8
            };
            to[ty * tw + tx] = from[y * w + x];
        }
        return target;
    }
}

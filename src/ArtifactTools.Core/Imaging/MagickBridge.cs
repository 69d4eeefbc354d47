using ImageMagick;

namespace ArtifactTools.Imaging;

/// <summary>Moves pixels and metadata between ImageMagick images and <see cref="RasterImage"/>.</summary>
static class MagickBridge
{
    public static RasterImage ToRaster(MagickImage image, ImageFileFormat sourceFormat)
    {
        var exif = image.GetExifProfile()?.ToByteArray();
        var icc = image.GetColorProfile()?.ToByteArray();
        int bitDepth = image.Depth > 8 ? 16 : 8;
        bool gray = IsGray(image);
        if (!gray && image.ColorSpace != ColorSpace.sRGB && image.ColorSpace != ColorSpace.RGB)
            image.ColorSpace = ColorSpace.sRGB; // CMYK and YCCK JPEGs become RGB
        bool alpha = image.HasAlpha;
        int width = (int)image.Width, height = (int)image.Height;
        string mapping = (gray ? "R" : "RGB") + (alpha ? "A" : "");

        using var pixels = image.GetPixelsUnsafe();
        var data = pixels.ToByteArray(mapping)
            ?? throw new InvalidOperationException("ImageMagick returned no pixel data.");
        int stride = mapping.Length, colours = gray ? 1 : 3;
        var channels = new Plane[colours];
        for (int c = 0; c < colours; c++) channels[c] = new Plane(width, height);
        var alphaPlane = alpha ? new Plane(width, height) : null;
        for (int i = 0, p = 0; i < width * height; i++, p += stride)
        {
            for (int c = 0; c < colours; c++) channels[c].Data[i] = data[p + c];
            if (alphaPlane is not null) alphaPlane.Data[i] = data[p + colours];
        }
        return new RasterImage
        {
            ColorModel = gray ? ColorModel.Gray : ColorModel.Rgb,
            Channels = channels,
            Alpha = alphaPlane,
            BitDepth = bitDepth,
            Exif = exif,
            IccProfile = icc,
            SourceFormat = MagickSetup.NameOf(sourceFormat),
        };
    }

    /// <summary>Gray files are gray by colourspace or colour type; palette files (e.g. 8-bit BMPs such as Classic5)
    /// are gray when every palette entry is, which only a pixel scan can tell.</summary>
    static bool IsGray(MagickImage image)
    {
        if (image.ColorSpace == ColorSpace.Gray || image.ColorSpace == ColorSpace.LinearGray) return true;
        if (image.ColorSpace == ColorSpace.CMYK) return false;
        return image.ColorType switch
        {
            ColorType.Grayscale or ColorType.GrayscaleAlpha or ColorType.Bilevel => true,
            ColorType.Palette or ColorType.PaletteAlpha or ColorType.PaletteBilevelAlpha =>
                image.DetermineColorType() is ColorType.Grayscale or ColorType.GrayscaleAlpha or ColorType.Bilevel,
            _ => false,
        };
    }

    /// <summary>An 8-bit ImageMagick image of the raster (values rounded and clamped), with its EXIF and ICC.</summary>
    public static MagickImage ToMagick(RasterImage raster)
    {
        bool gray = raster.ColorModel == ColorModel.Gray, alpha = raster.Alpha is not null;
        int colours = gray ? 1 : 3, stride = colours + (alpha ? 1 : 0), count = raster.Width * raster.Height;
        var data = new byte[count * stride];
        for (int c = 0; c < colours; c++) Interleave(raster.Channels[c].Data, data, c, stride);
        if (alpha) Interleave(raster.Alpha!.Data, data, colours, stride);
        var format = (gray, alpha) switch
        {
            (true, false) => MagickFormat.Gray,
            (true, true) => MagickFormat.Graya,
            (false, false) => MagickFormat.Rgb,
            (false, true) => MagickFormat.Rgba,
        };
        var settings = new MagickReadSettings { Format = format, Width = (uint)raster.Width, Height = (uint)raster.Height, Depth = 8 };
        var image = new MagickImage(data, settings);
        if (raster.Exif is { Length: > 0 }) image.SetProfile(new ExifProfile(raster.Exif));
        if (raster.IccProfile is { Length: > 0 }) image.SetProfile(new ColorProfile(raster.IccProfile));
        return image;
    }

    static void Interleave(float[] plane, byte[] target, int offset, int stride)
    {
        for (int i = 0, p = offset; i < plane.Length; i++, p += stride)
            target[p] = (byte)Math.Clamp(MathF.Round(plane[i], MidpointRounding.AwayFromZero), 0f, 255f);
    }
}

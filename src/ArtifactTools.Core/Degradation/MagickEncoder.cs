using ArtifactTools.Imaging;
using ImageMagick;

namespace ArtifactTools.Degradation;

/// <summary>Encodes a raster with codec options the degradations need beyond <see cref="ImageEncoding"/>.</summary>
static class MagickEncoder
{
    public static byte[] Encode(RasterImage image, ImageFileFormat format, int? quality, Action<MagickImage>? configure = null)
    {
        using var magick = MagickBridge.ToMagick(image);
        ImageCodec.Configure(magick, format, quality);
        configure?.Invoke(magick);
        return magick.ToByteArray(MagickSetup.ToMagick(format));
    }
}

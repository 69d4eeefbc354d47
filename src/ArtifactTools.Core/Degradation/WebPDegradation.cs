using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

/// <summary>Lossy WebP (libwebp) at quality 1..100.</summary>
public sealed class WebPDegradation : CodecDegradation
{
    public int Quality { get; }

    public WebPDegradation(int quality)
    {
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "WebP quality must be 1..100.");
        Quality = quality;
    }

    public override string Spec => $"webp:{Quality}";

    public override CompressedImage Compress(RasterImage clean, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(clean);
        var bytes = MagickEncoder.Encode(clean, ImageFileFormat.WebP, Quality,
            m => m.Settings.SetDefine(ImageMagick.MagickFormat.WebP, "lossless", "false"));
        return new CompressedImage(clean, bytes, ImageFileFormat.WebP, Spec, Quality);
    }
}

using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

/// <summary>
/// Baseline JPEG at IJG quality q (standard tables scaled as libjpeg's jpeg_set_quality, baseline-clamped to 255),
/// accurate integer DCT, no smoothing: the compression the papers train and test on. Gray images become grayscale
/// JPEGs; colour images 4:2:0 YCbCr. A range ("jpeg:5-95") draws q uniformly per image.
/// </summary>
public sealed class JpegDegradation : CodecDegradation
{
    public int MinQuality { get; }
    public int MaxQuality { get; }

    public JpegDegradation(int quality) : this(quality, quality) { }

    public JpegDegradation(int minQuality, int maxQuality)
    {
        if (minQuality is < 1 or > 100 || maxQuality is < 1 or > 100 || minQuality > maxQuality)
            throw new ArgumentOutOfRangeException(nameof(minQuality), $"JPEG quality must be 1..100 (a range low-high); got {minQuality}-{maxQuality}.");
        (MinQuality, MaxQuality) = (minQuality, maxQuality);
    }

    /// <summary>Chroma sampling of colour images (libjpeg's default 4:2:0); gray images have none.</summary>
    public ChromaSampling Sampling { get; init; } = ChromaSampling.Yuv420;

    public bool IsRange => MinQuality != MaxQuality;
    public override string Spec => IsRange ? $"jpeg:{MinQuality}-{MaxQuality}" : $"jpeg:{MinQuality}";

    public override CompressedImage Compress(RasterImage clean, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(clean);
        int q = IsRange ? (random ?? Random.Shared).Next(MinQuality, MaxQuality + 1) : MinQuality;
        return new CompressedImage(clean, Encode(clean, q, Sampling), ImageFileFormat.Jpeg, $"jpeg:{q}", q);
    }

    /// <summary>The JPEG bytes of <paramref name="image"/> at quality <paramref name="quality"/>, colour with
    /// <paramref name="sampling"/> (4:2:0 when null).</summary>
    public static byte[] Encode(RasterImage image, int quality, ChromaSampling? sampling = null) =>
        MagickEncoder.Encode(image, ImageFileFormat.Jpeg, quality, magick =>
        {
            // ImageMagick switches to 4:4:4 at q >= 90; the papers' (and libjpeg's) default is 4:2:0 at every quality.
            if (image.ColorModel == ColorModel.Rgb)
                magick.Settings.SetDefine(ImageMagick.MagickFormat.Jpeg, "sampling-factor", (sampling ?? ChromaSampling.Yuv420).MagickSamplingFactor);
        });
}

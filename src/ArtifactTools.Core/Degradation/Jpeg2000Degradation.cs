using System.Globalization;
using ArtifactTools.Imaging;
using ImageMagick;

namespace ArtifactTools.Degradation;

/// <summary>
/// JPEG 2000 (OpenJPEG through ImageMagick, JP2 container) at a target bit rate in bits per pixel. OpenJPEG's rate
/// option is a compression ratio against the raw samples (8 bits per sample per channel), so the ratio is
/// bitsPerRawPixel / bpp; where headers make the file miss the target by more than <see cref="Tolerance"/>, the ratio
/// is corrected by the measured miss and the encode repeated.
/// </summary>
public sealed class Jpeg2000Degradation : CodecDegradation
{
    /// <summary>Relative size miss accepted before re-encoding.</summary>
    public const double Tolerance = 0.02;
    const int MaxAttempts = 6;

    public double BitsPerPixel { get; }

    public Jpeg2000Degradation(double bitsPerPixel)
    {
        if (!(bitsPerPixel > 0) || double.IsInfinity(bitsPerPixel))
            throw new ArgumentOutOfRangeException(nameof(bitsPerPixel), bitsPerPixel, "JPEG 2000 bit rate must be a positive number of bits per pixel.");
        BitsPerPixel = bitsPerPixel;
    }

    public override string Spec => "jp2:" + BitsPerPixel.ToString("R", CultureInfo.InvariantCulture);

    public override CompressedImage Compress(RasterImage clean, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(clean);
        double pixels = (double)clean.Width * clean.Height;
        double rawBitsPerPixel = 8.0 * (clean.Channels.Length + (clean.Alpha is null ? 0 : 1));
        double ratio = rawBitsPerPixel / BitsPerPixel;
        byte[]? best = null;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var bytes = Encode(clean, ratio);
            double achieved = bytes.Length * 8.0 / pixels;
            if (best is null || Math.Abs(bytes.Length * 8.0 / pixels - BitsPerPixel) < Math.Abs(best.Length * 8.0 / pixels - BitsPerPixel))
                best = bytes;
            if (Math.Abs(achieved / BitsPerPixel - 1) <= Tolerance || ratio <= 1) break;
            ratio = Math.Max(1, ratio * achieved / BitsPerPixel);
        }
        return new CompressedImage(clean, best!, ImageFileFormat.Jpeg2000, Spec, null);
    }

    static byte[] Encode(RasterImage image, double compressionRatio) =>
        MagickEncoder.Encode(image, ImageFileFormat.Jpeg2000, null,
            m => m.Settings.SetDefine(MagickFormat.Jp2, "rate", compressionRatio.ToString("R", CultureInfo.InvariantCulture)));
}

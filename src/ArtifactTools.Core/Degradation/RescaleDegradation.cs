using System.Globalization;
using ArtifactTools.Imaging;
using ImageMagick;

namespace ArtifactTools.Degradation;

/// <summary>
/// The social-network case of paper 000 (Twitter): the image is downscaled, then compressed. The reference is the
/// rescaled clean image (a restorer cannot undo the rescale, only the compression). Scale by a factor ("rescale:0.5")
/// or fit the long side ("rescale:1024px": larger images shrink to that long side, smaller ones stay as they are, as
/// the services do). Resampling is Catmull-Rom (bicubic, antialiased when shrinking, like MATLAB's imresize).
/// </summary>
public sealed class RescaleDegradation : CodecDegradation
{
    public double? Factor { get; }
    public int? LongSide { get; }
    public ICompressingDegradation Codec { get; }

    RescaleDegradation(double? factor, int? longSide, ICompressingDegradation codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (codec is RescaleDegradation) throw new ArgumentException("Rescale must be followed by a codec, not another rescale.", nameof(codec));
        (Factor, LongSide, Codec) = (factor, longSide, codec);
    }

    public static RescaleDegradation ByFactor(double factor, ICompressingDegradation codec) =>
        factor is > 0 and <= 16 ? new(factor, null, codec)
        : throw new ArgumentOutOfRangeException(nameof(factor), factor, "The rescale factor must be in (0, 16].");

    public static RescaleDegradation ToLongSide(int longSide, ICompressingDegradation codec) =>
        longSide >= 8 ? new(null, longSide, codec)
        : throw new ArgumentOutOfRangeException(nameof(longSide), longSide, "The long side must be at least 8 pixels.");

    public override string Spec =>
        (Factor is { } f ? "rescale:" + f.ToString("R", CultureInfo.InvariantCulture) : $"rescale:{LongSide}px") + "+" + Codec.Spec;

    public override CompressedImage Compress(RasterImage clean, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(clean);
        var rescaled = Rescale(clean);
        var compressed = Codec.Compress(rescaled, random);
        var prefix = Spec[..(Spec.IndexOf('+') + 1)];
        return compressed with { AppliedSpec = prefix + compressed.AppliedSpec };
    }

    /// <summary>The clean image at the size this degradation produces, rounded to 8 bits.</summary>
    public RasterImage Rescale(RasterImage clean)
    {
        var (w, h) = TargetSize(clean.Width, clean.Height);
        if (w == clean.Width && h == clean.Height) return clean;
        using var magick = MagickBridge.ToMagick(clean);
        magick.FilterType = FilterType.Catrom;
        magick.Resize(new MagickGeometry((uint)w, (uint)h) { IgnoreAspectRatio = true });
        var format = MagickSetup.FromName(clean.SourceFormat) ?? ImageFileFormat.Png;
        var resized = MagickBridge.ToRaster(magick, format);
        return new RasterImage
        {
            ColorModel = clean.ColorModel,
            Channels = clean.ColorModel == ColorModel.Gray && resized.ColorModel != ColorModel.Gray ? [resized.Channels[0]] : resized.Channels,
            Alpha = resized.Alpha, BitDepth = 8, Exif = clean.Exif, IccProfile = clean.IccProfile, SourceFormat = clean.SourceFormat,
        };
    }

    public (int Width, int Height) TargetSize(int width, int height)
    {
        double scale = Factor ?? Math.Min(1.0, (double)LongSide!.Value / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}

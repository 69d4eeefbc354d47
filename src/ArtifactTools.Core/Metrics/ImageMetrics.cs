using ArtifactTools.Imaging;

namespace ArtifactTools.Metrics;

/// <summary>The quality measures of the papers in one place: PSNR, SSIM, PSNR-B, IPSNR, on 0..255 planes.</summary>
public static class ImageMetrics
{
    public static double Psnr(Plane reference, Plane test) => PeakSignalToNoise.Psnr(reference, test);
    public static double Ssim(Plane reference, Plane test) => StructuralSimilarity.Ssim(reference, test);
    public static double PsnrB(Plane reference, Plane test) => BlockingEffect.PsnrB(reference, test);

    /// <summary>Improvement in PSNR a restoration brings: PSNR(restored) - PSNR(degraded), both against the reference.</summary>
    public static double Ipsnr(Plane reference, Plane degraded, Plane restored) => Psnr(reference, restored) - Psnr(reference, degraded);

    public static QualityScores Measure(Plane reference, Plane test) => new(Psnr(reference, test), Ssim(reference, test), PsnrB(reference, test));

    /// <summary>Scores of <paramref name="test"/> against <paramref name="reference"/> on the chosen channel(s).</summary>
    /// <exception cref="ArgumentException">The images differ in size.</exception>
    public static QualityScores Measure(RasterImage reference, RasterImage test, MetricChannel channel = MetricChannel.Y)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        if (reference.Width != test.Width || reference.Height != test.Height)
            throw new ArgumentException(
                $"The images differ in size: the reference is {reference.Width}x{reference.Height}, the test image {test.Width}x{test.Height}.");
        if (channel == MetricChannel.Y)
            return Measure(ColorConversion.Luma(reference), ColorConversion.Luma(test));

        var refs = ColourChannels(reference, test);
        var tests = ColourChannels(test, reference);
        double mse = 0, ssim = 0, bef = 0;
        for (int c = 0; c < refs.Length; c++)
        {
            mse += PeakSignalToNoise.MeanSquaredError(refs[c], tests[c]);
            ssim += StructuralSimilarity.Ssim(refs[c], tests[c]);
            bef += BlockingEffect.Factor(tests[c]);
        }
        int k = refs.Length;
        return new QualityScores(PeakSignalToNoise.FromMse(mse / k), ssim / k, PeakSignalToNoise.FromMse(mse / k + bef / k));
    }

    /// <summary>The image's colour planes; a gray image compared with a colour one counts as R = G = B.</summary>
    static Plane[] ColourChannels(RasterImage image, RasterImage other) =>
        image.ColorModel == ColorModel.Gray && other.ColorModel == ColorModel.Rgb
            ? [image.Channels[0], image.Channels[0], image.Channels[0]]
            : image.Channels;
}

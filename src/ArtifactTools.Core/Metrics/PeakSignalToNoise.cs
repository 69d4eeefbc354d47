using ArtifactTools.Imaging;

namespace ArtifactTools.Metrics;

/// <summary>Mean squared error and PSNR on the 0..255 scale (MAX = 255).</summary>
public static class PeakSignalToNoise
{
    public const double Peak = 255.0;

    public static double MeanSquaredError(Plane reference, Plane test)
    {
        MetricGuard.SameSize(reference, test);
        ReadOnlySpan<float> a = reference.Data, b = test.Data;
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (double)a[i] - b[i];
            sum += d * d;
        }
        return sum / a.Length;
    }

    /// <summary>10 log10(255^2 / MSE); +infinity for identical planes.</summary>
    public static double Psnr(Plane reference, Plane test) => FromMse(MeanSquaredError(reference, test));

    public static double FromMse(double mse) => mse == 0 ? double.PositiveInfinity : 10.0 * Math.Log10(Peak * Peak / mse);
}

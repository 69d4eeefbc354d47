namespace ArtifactTools.Metrics;

/// <summary>Means over a set of measured pairs (the papers' tables are such means), with the PSNR range.</summary>
public sealed record ImageQualitySummary(int Count, double PSNR, double SSIM, double PSNRB, double MinPSNR, double MaxPSNR, MetricChannel Channel)
{
    public static ImageQualitySummary Of(IReadOnlyCollection<ImageQualityResult> results, MetricChannel channel)
    {
        if (results.Count == 0) return new ImageQualitySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, channel);
        return new ImageQualitySummary(results.Count,
            results.Average(r => r.PSNR), results.Average(r => r.SSIM), results.Average(r => r.PSNRB),
            results.Min(r => r.PSNR), results.Max(r => r.PSNR), channel);
    }
}

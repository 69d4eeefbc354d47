namespace ArtifactTools.Metrics;

/// <summary>One measured pair, as Measure-ImageQuality emits it.</summary>
public sealed record ImageQualityResult(
    string Path, string ReferencePath, double PSNR, double SSIM, double PSNRB, int Width, int Height, MetricChannel Channel);

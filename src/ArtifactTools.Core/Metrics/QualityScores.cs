namespace ArtifactTools.Metrics;

public sealed record QualityScores(double Psnr, double Ssim, double PsnrB);

namespace ArtifactTools.Metrics;

/// <summary>Which samples a measurement compares.</summary>
public enum MetricChannel
{
    /// <summary>MATLAB rgb2ycbcr luma rounded to 8 bits (a gray image's own channel): the papers' setting.</summary>
    Y,
    /// <summary>All colour channels: PSNR from the MSE pooled over R, G, B; SSIM the mean of the three channels' SSIM;
    /// PSNR-B from the pooled MSE plus the mean of the channels' blocking effect factors.</summary>
    Rgb,
}

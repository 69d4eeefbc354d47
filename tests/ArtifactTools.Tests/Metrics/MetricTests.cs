using ArtifactTools.Metrics;

namespace ArtifactTools.Tests.Metrics;

public class MetricTests
{
    static Plane Offset(Plane p, float d) => new(p.Width, p.Height, p.Data.Select(v => v + d).ToArray());

    [Fact]
    public void Psnr_of_a_constant_offset_of_one_is_10log10_of_255_squared()
    {
        var a = SyntheticImages.NaturalPlane(32, 24, 1);
        Assert.Equal(48.1308, ImageMetrics.Psnr(a, Offset(a, 1)), 4);
        Assert.Equal(10 * Math.Log10(255.0 * 255 / 4), ImageMetrics.Psnr(a, Offset(a, -2)), 10);
        Assert.Equal(double.PositiveInfinity, ImageMetrics.Psnr(a, a.Clone()));
    }

    [Fact]
    public void Ssim_of_identical_images_is_one()
    {
        var a = SyntheticImages.NaturalPlane(40, 33, 2);
        Assert.Equal(1.0, ImageMetrics.Ssim(a, a.Clone()), 12);
    }

    [Fact]
    public void Ssim_of_constant_images_is_the_luminance_term()
    {
        // Variances and covariance are 0, so SSIM = (2ab + C1) / (a^2 + b^2 + C1) with C1 = (0.01*255)^2 = 6.5025.
        var ssim = ImageMetrics.Ssim(SyntheticImages.Constant(8, 8, 100), SyntheticImages.Constant(8, 8, 110));
        Assert.Equal((2 * 100 * 110 + 6.5025) / (100 * 100 + 110 * 110 + 6.5025), ssim, 12);
    }

    [Fact]
    public void Ssim_of_a_checkerboard_against_its_mean_is_the_contrast_term()
    {
        // x alternates 0/2 (mean 1, biased variance 1), y is 1: SSIM = C2 / (1 + C2) with C2 = (0.03*255)^2.
        var x = new Plane(8, 8);
        for (int i = 0; i < 64; i++) x.Data[i] = ((i % 8) + (i / 8)) % 2 * 2;
        const double c2 = 58.5225;
        Assert.Equal(c2 / (1 + c2), ImageMetrics.Ssim(x, SyntheticImages.Constant(8, 8, 1)), 12);
    }

    [Fact]
    public void Ssim_sliding_sums_equal_a_direct_evaluation_of_every_8x8_window()
    {
        var a = SyntheticImages.NaturalPlane(21, 17, 3);
        var b = SyntheticImages.NaturalPlane(21, 17, 4);
        double total = 0;
        int windows = 0;
        for (int y0 = 0; y0 + 8 <= 17; y0++)
            for (int x0 = 0; x0 + 8 <= 21; x0++, windows++)
            {
                double mx = 0, my = 0;
                for (int y = y0; y < y0 + 8; y++) for (int x = x0; x < x0 + 8; x++) { mx += a[x, y]; my += b[x, y]; }
                mx /= 64; my /= 64;
                double vx = 0, vy = 0, cxy = 0;
                for (int y = y0; y < y0 + 8; y++)
                    for (int x = x0; x < x0 + 8; x++)
                    {
                        vx += (a[x, y] - mx) * (a[x, y] - mx); vy += (b[x, y] - my) * (b[x, y] - my); cxy += (a[x, y] - mx) * (b[x, y] - my);
                    }
                vx /= 64; vy /= 64; cxy /= 64;
                total += (2 * mx * my + 6.5025) * (2 * cxy + 58.5225) / ((mx * mx + my * my + 6.5025) * (vx + vy + 58.5225));
            }
        Assert.Equal(total / windows, ImageMetrics.Ssim(a, b), 10);
    }

    static Plane Step(int edgeColumn)
    {
        var p = new Plane(16, 16);
        for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) p[x, y] = x < edgeColumn ? 100 : 110;
        return p;
    }

    [Fact]
    public void PsnrB_penalises_a_step_on_a_block_boundary_but_not_inside_a_block()
    {
        // Test image: a step of 10 between columns 7 and 8 (a block boundary). The reference differs by 1 everywhere
        // (MSE 1). Boundary pairs: 16 horizontal (one per row) of 100, N_HB = N_VB = 16, so D_B = 1600/32 = 50; all other
        // pairs are equal (D_Bc = 0); eta = log2(8)/log2(16) = 0.75; BEF = 37.5; PSNR-B = 10 log10(255^2 / 38.5).
        var onBoundary = Step(8);
        Assert.Equal(37.5, BlockingEffect.Factor(onBoundary), 12);
        Assert.Equal(10 * Math.Log10(65025 / 38.5), ImageMetrics.PsnrB(Offset(onBoundary, 1), onBoundary), 10);

        // The same step inside a block (columns 4|5) is content, not blocking: D_B = 0 < D_Bc, BEF = 0, PSNR-B = PSNR.
        var inside = Step(5);
        Assert.Equal(0, BlockingEffect.Factor(inside));
        Assert.Equal(48.1308, ImageMetrics.PsnrB(Offset(inside, 1), inside), 4);
    }

    [Fact]
    public void Ipsnr_is_the_psnr_gain_of_the_restored_image()
    {
        var a = SyntheticImages.NaturalPlane(16, 16, 5);
        Assert.Equal(20 * Math.Log10(4), ImageMetrics.Ipsnr(a, Offset(a, 4), Offset(a, 1)), 10);
    }

    [Fact]
    public void Size_mismatch_is_an_argument_error_that_names_both_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImageMetrics.Psnr(new Plane(8, 8), new Plane(9, 8)));
        Assert.Contains("8x8", ex.Message);
        Assert.Contains("9x8", ex.Message);
        Assert.Throws<ArgumentException>(() => ImageMetrics.Measure(SyntheticImages.NaturalGray(16, 16, 1), SyntheticImages.NaturalGray(16, 24, 1)));
    }

    [Fact]
    public void Measure_on_Y_uses_MATLAB_luma_and_on_Rgb_pools_the_channels()
    {
        var clean = SyntheticImages.NaturalRgb(24, 24, 6);
        var test = RasterImage.Rgb(Offset(clean.Channels[0], 3), clean.Channels[1], clean.Channels[2]);
        var y = ImageMetrics.Measure(clean, test);
        Assert.Equal(ImageMetrics.Psnr(ColorConversion.Luma(clean), ColorConversion.Luma(test)), y.Psnr, 12);
        var rgb = ImageMetrics.Measure(clean, test, MetricChannel.Rgb);
        Assert.Equal(10 * Math.Log10(65025 / 3.0), rgb.Psnr, 10); // MSE 9 on one channel of three
        Assert.True(rgb.Ssim < 1 && rgb.Ssim > 0.9);
    }
}

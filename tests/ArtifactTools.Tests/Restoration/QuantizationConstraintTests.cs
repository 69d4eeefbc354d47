using ArtifactTools.Metrics;
using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Restoration;

public sealed class QuantizationConstraintTests
{
    static (Plane Original, byte[] Jpeg, Plane Decoded) GrayJpeg(int width, int height, int quality, int seed = 3)
    {
        var original = SyntheticImages.Scene(width, height, seed);
        var jpeg = ImageCodec.Encode(RasterImage.Gray(original), ImageEncoding.Jpeg(quality));
        var decoded = ImageCodec.Decode(jpeg);
        Assert.Equal(ColorModel.Gray, decoded.ColorModel);
        return (original, jpeg, decoded.Channels[0]);
    }

    /// <summary>Each full block's coefficients and the interval index k recovered from the decoded block.</summary>
    static List<(double[] Coefficients, double[] K)> Blocks(Plane plane, Plane decoded, IReadOnlyList<int> table)
    {
        var blocks = new List<(double[], double[])>();
        for (int by = 0; by + 8 <= plane.Height; by += 8)
            for (int bx = 0; bx + 8 <= plane.Width; bx += 8)
            {
                double[] c = new double[64], d = new double[64];
                for (int i = 0; i < 64; i++)
                {
                    c[i] = plane[bx + i % 8, by + i / 8] - 128;
                    d[i] = decoded[bx + i % 8, by + i / 8] - 128;
                }
                BlockDct.Forward(c, c);
                BlockDct.Forward(d, d);
                blocks.Add((c, d.Select((v, i) => Math.Round(v / table[i])).ToArray()));
            }
        return blocks;
    }

    static Plane BoxBlur(Plane plane, int radius)
    {
        var blurred = new Plane(plane.Width, plane.Height);
        for (int y = 0; y < plane.Height; y++)
            for (int x = 0; x < plane.Width; x++)
            {
                double sum = 0; int n = 0;
                for (int dy = -radius; dy <= radius; dy++)
                    for (int dx = -radius; dx <= radius; dx++)
                    {
                        int sx = x + dx, sy = y + dy;
                        if (sx < 0 || sy < 0 || sx >= plane.Width || sy >= plane.Height) continue;
                        sum += plane[sx, sy]; n++;
                    }
                blurred[x, y] = (float)(sum / n);
            }
        return blurred;
    }

    [Fact]
    public void Reads_the_luminance_table_and_frame_of_a_JPEG_and_nothing_from_other_formats()
    {
        var (_, jpeg, _) = GrayJpeg(40, 24, quality: 30);
        var constraint = QuantizationConstraint.FromJpeg(jpeg)!;
        Assert.Equal(JpegQualityEstimator.ScaledTable(JpegQualityEstimator.StandardLuminance, 30), constraint.Table);
        Assert.Equal((40, 24), (constraint.Width, constraint.Height));

        var colour = ImageCodec.Encode(SyntheticImages.PatternRgb(40, 24), ImageEncoding.Jpeg(30));
        Assert.Equal(JpegQualityEstimator.ScaledTable(JpegQualityEstimator.StandardLuminance, 30), QuantizationConstraint.FromJpeg(colour)!.Table);
        Assert.Null(QuantizationConstraint.FromJpeg(ImageCodec.Encode(SyntheticImages.PatternGray(40, 24), ImageEncoding.Png)));
        Assert.Null(QuantizationConstraint.FromJpeg(jpeg.AsSpan(0, 20))); // cut before the frame

        // A height left to a DNL marker (0 in the frame): the size is unknown, not a mismatch with every image.
        var dnl = (byte[])jpeg.Clone();
        int sof = Enumerable.Range(2, dnl.Length - 3).First(i => dnl[i] == 0xFF && dnl[i + 1] is 0xC0 or 0xC1 or 0xC2);
        (dnl[sof + 5], dnl[sof + 6]) = (0, 0);
        Assert.Equal((0, 0), (QuantizationConstraint.FromJpeg(dnl)!.Width, QuantizationConstraint.FromJpeg(dnl)!.Height));
        Assert.Throws<ArgumentException>(() => constraint.Project(new Plane(40, 16), new Plane(40, 16)));
    }

    [Fact]
    public void A_decoded_JPEG_already_satisfies_its_constraint()
    {
        var (_, jpeg, decoded) = GrayJpeg(96, 64, quality: 10);
        var projected = decoded.Clone();
        var result = QuantizationConstraint.FromJpeg(jpeg)!.Project(decoded, projected);
        Assert.Equal((0, 0, 12 * 8), (result.BlocksChanged, result.BlocksUntrusted, result.Blocks));
        Assert.Equal(decoded.Data, projected.Data);
    }

    [Fact]
    public void Projection_puts_every_coefficient_in_its_interval_and_moves_none_already_inside()
    {
        var (_, jpeg, decoded) = GrayJpeg(96, 64, quality: 50);
        var constraint = QuantizationConstraint.FromJpeg(jpeg)!;
        var random = new Random(5);
        var restored = new Plane(decoded.Width, decoded.Height, decoded.Data.Select(v => v + (float)(random.NextDouble() * 30 - 15)).ToArray());
        var before = Blocks(restored, decoded, constraint.Table);

        var result = constraint.Project(decoded, restored);
        var after = Blocks(restored, decoded, constraint.Table);

        Assert.True(result.BlocksChanged > 10, $"{result.BlocksChanged} blocks changed: the noise must leave some intervals");
        int inside = 0, outside = 0;
        for (int b = 0; b < before.Count; b++)
            for (int i = 0; i < 64; i++)
            {
                double q = constraint.Table[i], k = before[b].K[i];
                Assert.Equal(k, after[b].K[i]);
                Assert.InRange(after[b].Coefficients[i], (k - 0.5) * q - 1e-3, (k + 0.5) * q + 1e-3);
                if (Math.Abs(before[b].Coefficients[i] - k * q) <= q / 2) { inside++; Assert.Equal(before[b].Coefficients[i], after[b].Coefficients[i], 1e-3); }
                else outside++;
            }
        Assert.True(inside > 100 && outside > 100, $"{inside} inside, {outside} outside");
    }

    [Fact]
    public void Projecting_an_oversmoothed_restoration_brings_it_closer_to_the_original()
    {
        var (original, jpeg, decoded) = GrayJpeg(128, 96, quality: 20);
        var blurred = BoxBlur(decoded, radius: 2);
        var projected = blurred.Clone();
        QuantizationConstraint.FromJpeg(jpeg)!.Project(decoded, projected);

        double before = ImageMetrics.Psnr(original, blurred.Quantized()), after = ImageMetrics.Psnr(original, projected.Quantized());
        Assert.True(after > before + 1.0, $"blurred {before:F2} dB, projected {after:F2} dB");
    }

    [Fact]
    public void Colour_JPEGs_project_the_studio_range_luma_and_leave_partial_edge_blocks_alone()
    {
        // A photo-like colour image: one scene, tinted, so that few pixels saturate a channel.
        var scene = SyntheticImages.Scene(70, 53, 1);
        Plane Tint(float gain, float offset) => new(70, 53, scene.Data.Select(v => MathF.Round(gain * v + offset)).ToArray());
        var rgb = RasterImage.Rgb(Tint(0.8f, 30), Tint(0.7f, 20), Tint(0.6f, 50));
        var jpeg = ImageCodec.Encode(rgb, ImageEncoding.Jpeg(20)); // 4:2:0
        var decodedLuma = ColorConversion.Luma(ImageCodec.Decode(jpeg), roundTo8Bit: false);
        var blurred = BoxBlur(decodedLuma, radius: 2);
        var projected = blurred.Clone();
        var result = QuantizationConstraint.FromJpeg(jpeg)!.Project(decodedLuma, projected, LumaScale.StudioRange);

        Assert.Equal(8 * 6, result.Blocks);
        Assert.True(result.BlocksUntrusted < result.Blocks / 4, $"{result.BlocksUntrusted} of {result.Blocks} blocks untrusted");
        var originalLuma = ColorConversion.Luma(rgb, roundTo8Bit: false);
        Assert.True(ImageMetrics.Psnr(originalLuma, projected) > ImageMetrics.Psnr(originalLuma, blurred) + 0.5);
        for (int y = 0; y < 53; y++)
            for (int x = 0; x < 70; x++)
                if (x >= 64 || y >= 48) Assert.Equal(blurred[x, y], projected[x, y]);
    }

    [Fact]
    public void Restorer_projects_when_given_the_constraint()
    {
        var (original, jpeg, decoded) = GrayJpeg(72, 56, quality: 10);
        using var restorer = RestorerTestNetworks.Untrained("8(5)-1(3)");
        TestNetworkWeights.MakeGentle(restorer.Model.Network); // a 3x3 blur: over-smooths
        var constraint = QuantizationConstraint.FromJpeg(jpeg)!;

        var plain = restorer.Restore(RasterImage.Gray(decoded)).Channels[0];
        var projected = restorer.Restore(RasterImage.Gray(decoded), new RestoreOptions { QuantizationConstraint = constraint }).Channels[0];

        var expected = restorer.RestoreLuma(decoded, new RestoreOptions());
        constraint.Project(decoded, expected);
        for (int i = 0; i < expected.Data.Length; i++) Assert.Equal(Math.Clamp(expected.Data[i], 0f, 255f), projected.Data[i], 1e-3f);
        Assert.True(ImageMetrics.Psnr(original, projected) > ImageMetrics.Psnr(original, plain));
    }
}

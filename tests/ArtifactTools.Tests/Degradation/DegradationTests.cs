using ArtifactTools.Degradation;
using ArtifactTools.Metrics;

namespace ArtifactTools.Tests.Degradation;

public class DegradationTests
{
    static readonly RasterImage Gray = SyntheticImages.NaturalGray(96, 64, 11);
    static readonly RasterImage Colour = SyntheticImages.NaturalRgb(96, 64, 12);

    [Theory]
    [InlineData(50, 16)]
    [InlineData(10, 80)]
    [InlineData(90, 3)]
    public void Jpeg_uses_the_IJG_tables_scaled_by_quality(int quality, int lumaDc)
    {
        var bytes = new JpegDegradation(quality).Compress(Gray).Bytes;
        var tables = JpegQualityEstimator.ReadQuantizationTables(bytes);
        Assert.Equal(lumaDc, tables[0][0]);
        Assert.Equal(JpegQualityEstimator.ScaledTable(JpegQualityEstimator.StandardLuminance, quality), tables[0]);
    }

    [Fact]
    public void Quality_estimate_is_exact_for_every_quality_we_write()
    {
        for (int q = 5; q <= 95; q += 5)
        {
            Assert.Equal(new JpegQualityEstimate(q, true), JpegQualityEstimator.EstimateDetailed(new JpegDegradation(q).Compress(Colour).Bytes));
            Assert.Equal(q, JpegQualityEstimator.Estimate(new JpegDegradation(q).Compress(Gray).Bytes));
        }
        Assert.Null(JpegQualityEstimator.Estimate(ImageCodec.Encode(Gray, ImageEncoding.Png)));
    }

    [Fact]
    public void Gray_gives_a_one_component_jpeg_and_colour_a_420_one()
    {
        Assert.Equal([0x11], StartOfFrameSampling(new JpegDegradation(75).Compress(Gray).Bytes));
        Assert.Equal([0x22, 0x11, 0x11], StartOfFrameSampling(new JpegDegradation(95).Compress(Colour).Bytes));
        var pair = new JpegDegradation(10).Apply(Gray);
        Assert.Equal(ColorModel.Gray, pair.Degraded.ColorModel);
        Assert.Same(Gray, pair.Reference);
        Assert.InRange(ImageMetrics.Psnr(Gray.Channels[0], pair.Degraded.Channels[0]), 20, 35);
    }

    /// <summary>The sampling byte of each component in the SOF0 marker.</summary>
    static byte[] StartOfFrameSampling(byte[] jpeg)
    {
        for (int i = 2; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0)
            {
                int components = jpeg[i + 9];
                return Enumerable.Range(0, components).Select(c => jpeg[i + 10 + c * 3 + 1]).ToArray();
            }
        throw new InvalidOperationException("no baseline SOF0 marker");
    }

    [Fact]
    public void Quality_range_draws_per_call_and_is_deterministic_for_a_seed()
    {
        var range = Degradations.Parse("jpeg:5-95");
        var small = SyntheticImages.NaturalGray(16, 16, 1);
        int[] Draw(int seed) { var r = new Random(seed); return Enumerable.Range(0, 8).Select(_ => range.Compress(small, r).Quality!.Value).ToArray(); }
        Assert.Equal(Draw(7), Draw(7));
        Assert.True(Draw(7).Distinct().Count() > 1);
        Assert.All(Draw(8), q => Assert.InRange(q, 5, 95));
        var pair = range.Apply(small, new Random(3));
        Assert.Matches("^jpeg:[0-9]+$", pair.AppliedSpec);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void Jpeg2000_hits_its_bit_rate_within_a_few_percent(double bpp)
    {
        var image = SyntheticImages.NaturalRgb(128, 128, 13);
        var compressed = new Jpeg2000Degradation(bpp).Compress(image);
        Assert.InRange(compressed.BitsPerPixel / bpp, 0.97, 1.03);
        var decoded = compressed.Decode();
        Assert.Equal((128, 128, ColorModel.Rgb), (decoded.Width, decoded.Height, decoded.ColorModel));
        Assert.InRange(ImageMetrics.Psnr(ColorConversion.Luma(image), ColorConversion.Luma(decoded)), 15, 60);
    }

    [Fact]
    public void WebP_degrades_and_keeps_gray_images_gray()
    {
        var pair = Degradations.Parse("webp:30").Apply(Gray);
        Assert.Equal(ColorModel.Gray, pair.Degraded.ColorModel);
        var psnr = ImageMetrics.Psnr(Gray.Channels[0], pair.Degraded.Channels[0]);
        Assert.InRange(psnr, 20, 45);
    }

    [Fact]
    public void Rescale_then_jpeg_compares_with_the_rescaled_image()
    {
        var pair = Degradations.Parse("rescale:0.5+jpeg:75").Apply(Colour);
        Assert.Equal((48, 32), (pair.Reference.Width, pair.Reference.Height));
        Assert.Equal((48, 32), (pair.Degraded.Width, pair.Degraded.Height));
        Assert.Equal("rescale:0.5+jpeg:75", pair.AppliedSpec);

        var fit = (RescaleDegradation)Degradations.Parse("rescale:48px+jpeg:75");
        Assert.Equal((48, 32), fit.TargetSize(96, 64));
        Assert.Equal((40, 20), fit.TargetSize(40, 20)); // never enlarges
        Assert.Equal(ColorModel.Gray, fit.Apply(Gray).Degraded.ColorModel);
    }

    [Theory]
    [InlineData("jpeg:10", "jpeg:10")]
    [InlineData("JPG:5-95", "jpeg:5-95")]
    [InlineData("jp2:0.3", "jp2:0.3")]
    [InlineData("jpeg2000:1", "jp2:1")]
    [InlineData("webp:50", "webp:50")]
    [InlineData("rescale:0.5+jpeg:75", "rescale:0.5+jpeg:75")]
    [InlineData(" resize:1024px + jpeg:75 ", "rescale:1024px+jpeg:75")]
    public void Parse_gives_canonical_specs_that_parse_back(string spec, string canonical)
    {
        var degradation = Degradations.Parse(spec);
        Assert.Equal(canonical, degradation.Spec);
        Assert.Equal(canonical, Degradations.Parse(degradation.Spec).Spec);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("jpeg", "name:value")]
    [InlineData("jpeg:0", "1..100")]
    [InlineData("jpeg:101", "1..100")]
    [InlineData("jpeg:50-20", "backwards")]
    [InlineData("jp2:-1", "bits per pixel")]
    [InlineData("gif:3", "unknown")]
    [InlineData("rescale:0.5", "followed by a codec")]
    [InlineData("rescale:2px+jpeg:10", "long side")]
    [InlineData("jpeg:10+rescale:0.5", "first of two")]
    public void Parse_rejects_bad_specs_with_the_reason(string spec, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Degradations.Parse(spec));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void Folder_names_follow_the_papers_for_jpeg()
    {
        Assert.Equal("q10", Degradations.FolderName(Degradations.Parse("jpeg:10")));
        Assert.Equal("jp2-0.3", Degradations.FolderName(Degradations.Parse("jp2:0.3")));
        Assert.Equal("rescale-0.5+jpeg-75", Degradations.FolderName(Degradations.Parse("rescale:0.5+jpeg:75")));
    }
}

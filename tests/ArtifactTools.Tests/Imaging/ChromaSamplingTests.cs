using ArtifactTools.Degradation;

namespace ArtifactTools.Tests.Imaging;

public sealed class ChromaSamplingTests
{
    [Theory]
    [InlineData("4:2:0")]
    [InlineData("4:2:2")]
    [InlineData("4:4:4")]
    public void The_sampling_a_colour_JPEG_was_written_with_is_read_back_from_its_frame_header(string sampling)
    {
        var written = ChromaSampling.Parse(sampling);
        var jpeg = new JpegDegradation(30) { Sampling = written }.Compress(SyntheticImages.NaturalRgb(40, 24, 3)).Bytes;
        Assert.Equal(written, ChromaSampling.ReadFromJpeg(jpeg));
        Assert.Equal(sampling, ChromaSampling.ReadFromJpeg(jpeg).ToString());
    }

    [Fact]
    public void Gray_JPEGs_and_other_formats_have_no_chroma_sampling()
    {
        Assert.Null(ChromaSampling.ReadFromJpeg(new JpegDegradation(30).Compress(SyntheticImages.NaturalGray(40, 24, 3)).Bytes));
        Assert.Null(ChromaSampling.ReadFromJpeg(ImageCodec.Encode(SyntheticImages.NaturalRgb(16, 16, 3), ImageEncoding.Png)));
        Assert.Null(ChromaSampling.ReadFromJpeg([0xFF, 0xD8, 0xFF]));
    }

    [Fact]
    public void Libjpeg_defaults_are_4_2_0_at_every_quality_and_names_parse_both_ways()
    {
        // ImageMagick alone switches to 4:4:4 at q >= 90; the degradation keeps libjpeg's (and PIL's) 4:2:0.
        Assert.Equal(ChromaSampling.Yuv420, ChromaSampling.ReadFromJpeg(new JpegDegradation(95).Compress(SyntheticImages.NaturalRgb(32, 32, 1)).Bytes));
        Assert.Equal(ChromaSampling.Yuv422, ChromaSampling.Parse("422"));
        Assert.Equal("2x2,1x1,1x1", ChromaSampling.Yuv420.MagickSamplingFactor);
        Assert.Throws<FormatException>(() => ChromaSampling.Parse("4:3:1"));
    }
}

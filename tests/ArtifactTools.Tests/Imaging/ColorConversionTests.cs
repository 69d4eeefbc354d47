namespace ArtifactTools.Tests.Imaging;

public class ColorConversionTests
{
    // MATLAB: rgb2ycbcr(uint8([255 0 0])) before rounding = 16 + [65.481; -37.797; 112] (+ [0; 128; 128] - [0; 16; 16]).
    [Theory]
    [InlineData(255, 0, 0, 81.481, 90.203, 240.0)]
    [InlineData(0, 255, 0, 144.553, 53.797, 34.214)]
    [InlineData(0, 0, 255, 40.966, 240.0, 109.786)]
    [InlineData(255, 255, 255, 235.0, 128.0, 128.0)]
    [InlineData(0, 0, 0, 16.0, 128.0, 128.0)]
    [InlineData(100, 150, 200, 16 + (65.481 * 100 + 128.553 * 150 + 24.966 * 200) / 255, 128 + (-37.797 * 100 - 74.203 * 150 + 112 * 200) / 255, 128 + (112 * 100 - 93.786 * 150 - 18.214 * 200) / 255)]
    public void RgbToYCbCr_matches_MATLAB_rgb2ycbcr(double r, double g, double b, double y, double cb, double cr)
    {
        var (cy, ccb, ccr) = ColorConversion.RgbToYCbCr(r, g, b);
        Assert.Equal(y, cy, 9);
        Assert.Equal(cb, ccb, 9);
        Assert.Equal(cr, ccr, 9);
        var (br, bg, bb) = ColorConversion.YCbCrToRgb(cy, ccb, ccr);
        Assert.Equal(r, br, 9);
        Assert.Equal(g, bg, 9);
        Assert.Equal(b, bb, 9);
    }

    [Fact]
    public void Luma_is_rounded_like_MATLAB_uint8_and_gray_images_keep_their_channel()
    {
        var one = (float v) => new Plane(1, 1, [v]);
        var red = RasterImage.Rgb(one(255), one(0), one(0));
        Assert.Equal(81f, ColorConversion.Luma(red).Data[0]);              // 81.481
        Assert.Equal(81.481f, ColorConversion.Luma(red, roundTo8Bit: false).Data[0], 4);
        var green = RasterImage.Rgb(one(0), one(255), one(0));
        Assert.Equal(145f, ColorConversion.Luma(green).Data[0]);           // 144.553
        var gray = SyntheticImages.NaturalGray(9, 9, 1);
        Assert.Equal(gray.Channels[0].Data, ColorConversion.Luma(gray).Data);
    }

    [Fact]
    public void FromYCbCr_inverts_ToYCbCr_and_keeps_metadata_of_the_template()
    {
        var image = SyntheticImages.NaturalRgb(16, 8, 3);
        var (y, cb, cr) = ColorConversion.ToYCbCr(image);
        var template = new RasterImage { ColorModel = ColorModel.Rgb, Channels = image.Channels, Exif = [1, 2, 3], SourceFormat = "JPEG" };
        var back = ColorConversion.FromYCbCr(y, cb, cr, template);
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < image.Channels[c].Data.Length; i++)
                Assert.Equal(image.Channels[c].Data[i], back.Channels[c].Data[i], 3);
        Assert.Equal(new byte[] { 1, 2, 3 }, back.Exif);
        Assert.Equal("JPEG", back.SourceFormat);
    }
}

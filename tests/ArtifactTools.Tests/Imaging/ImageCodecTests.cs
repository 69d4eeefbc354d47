using ArtifactTools.Degradation;
using ImageMagick;

namespace ArtifactTools.Tests.Imaging;

public class ImageCodecTests
{
    [Theory]
    [InlineData(ImageFileFormat.Png)]
    [InlineData(ImageFileFormat.Bmp)]
    [InlineData(ImageFileFormat.Tiff)]
    public void Lossless_formats_round_trip_gray_and_rgb_exactly(ImageFileFormat format)
    {
        foreach (var image in new[] { SyntheticImages.NaturalGray(19, 13, 1), SyntheticImages.NaturalRgb(19, 13, 2) })
        {
            var back = ImageCodec.Decode(ImageCodec.Encode(image, new ImageEncoding(format)));
            Assert.Equal(image.ColorModel, back.ColorModel);
            for (int c = 0; c < image.Channels.Length; c++) Assert.Equal(image.Channels[c].Data, back.Channels[c].Data);
        }
    }

    [Fact]
    public void Png_keeps_alpha()
    {
        var image = SyntheticImages.NaturalRgb(8, 8, 3);
        var withAlpha = new RasterImage { ColorModel = ColorModel.Rgb, Channels = image.Channels, Alpha = SyntheticImages.NaturalPlane(8, 8, 9) };
        var back = ImageCodec.Decode(ImageCodec.Encode(withAlpha, ImageEncoding.Png));
        Assert.NotNull(back.Alpha);
        Assert.Equal(withAlpha.Alpha!.Data, back.Alpha!.Data);
    }

    [Fact]
    public void A_palette_bmp_with_a_gray_palette_reads_as_gray()
    {
        using var magick = new MagickImage(ImageCodec.Encode(SyntheticImages.NaturalGray(16, 16, 4), ImageEncoding.Png));
        magick.ColorType = ColorType.Palette;
        var bytes = magick.ToByteArray(MagickFormat.Bmp3);
        Assert.Equal(ColorModel.Gray, ImageCodec.Decode(bytes).ColorModel);
    }

    [Fact]
    public void Cmyk_jpeg_reads_as_rgb_and_grayscale_jpeg_as_gray()
    {
        using var magick = new MagickImage(ImageCodec.Encode(SyntheticImages.NaturalRgb(16, 16, 5), ImageEncoding.Png));
        magick.ColorSpace = ColorSpace.CMYK;
        var cmyk = ImageCodec.Decode(magick.ToByteArray(MagickFormat.Jpeg));
        Assert.Equal(ColorModel.Rgb, cmyk.ColorModel);
        Assert.Equal(ColorModel.Gray, ImageCodec.Decode(JpegDegradation.Encode(SyntheticImages.NaturalGray(16, 16, 6), 90)).ColorModel);
    }

    [Fact]
    public void Sixteen_bit_png_reports_bit_depth_16()
    {
        var image = ImageCodec.Decode(SyntheticImages.Gray16Png(16, 4, (x, y) => (ushort)(x * 4096 + y * 300)));
        Assert.Equal(16, image.BitDepth);
        Assert.Equal(ColorModel.Gray, image.ColorModel);
        // 65535 maps to 255. The 8-bit ImageMagick build rounds to whole steps, hence the tolerance of half a step.
        for (int x = 0; x < 16; x++) Assert.Equal((x * 4096 + 300) / 257.0, image.Channels[0][x, 1], 0.5);
    }

    [Theory]
    [InlineData(ImageFileFormat.Jpeg)]
    [InlineData(ImageFileFormat.Png)]
    [InlineData(ImageFileFormat.WebP)]
    public void Exif_and_icc_travel_through_read_and_write_with_the_orientation_where_viewers_honour_it(ImageFileFormat format)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6); // "rotate 90": reading never applies it
        exif.SetValue(ExifTag.Software, "ArtifactTools test");
        var icc = ColorProfiles.SRGB.ToByteArray();
        var image = SyntheticImages.NaturalRgb(24, 8, 8);
        var tagged = new RasterImage { ColorModel = ColorModel.Rgb, Channels = image.Channels, Exif = exif.ToByteArray(), IccProfile = icc };

        var back = ImageCodec.Decode(ImageCodec.Encode(tagged, new ImageEncoding(format, format is ImageFileFormat.Jpeg or ImageFileFormat.WebP ? 90 : null)));
        // JPEG keeps the stored pixels and the tag; PNG and WebP viewers ignore the tag, so the pixels are turned instead.
        bool tagKept = format == ImageFileFormat.Jpeg;
        Assert.Equal(tagKept ? (24, 8) : (8, 24), (back.Width, back.Height));
        Assert.NotNull(back.Exif);
        Assert.Equal(tagKept ? (ushort)6 : (ushort)1, new ExifProfile(back.Exif!).GetValue(ExifTag.Orientation)!.Value);
        Assert.Equal("ArtifactTools test", new ExifProfile(back.Exif!).GetValue(ExifTag.Software)!.Value);
        Assert.Equal(icc, back.IccProfile);
    }

    [Fact]
    public void Tiff_keeps_the_icc_profile()
    {
        var icc = ColorProfiles.SRGB.ToByteArray();
        var image = SyntheticImages.NaturalRgb(8, 8, 8);
        var tagged = new RasterImage { ColorModel = ColorModel.Rgb, Channels = image.Channels, IccProfile = icc };
        Assert.Equal(icc, ImageCodec.Decode(ImageCodec.Encode(tagged, ImageEncoding.Tiff)).IccProfile);
    }

    [Fact]
    public void Truncated_empty_and_non_image_data_are_decode_errors_with_reasons()
    {
        var jpeg = JpegDegradation.Encode(SyntheticImages.NaturalRgb(64, 64, 9), 75);
        var truncated = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(jpeg[..(jpeg.Length / 2)], "cut.jpg"));
        Assert.Contains("truncated", truncated.Message);
        Assert.Equal("cut.jpg", truncated.ImagePath);
        var png = ImageCodec.Encode(SyntheticImages.NaturalRgb(64, 64, 9), ImageEncoding.Png);
        Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png[..(png.Length / 2)]));
        Assert.Contains("empty", Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode([])).Message);
        // Text that ImageMagick would happily interpret (an MSL script, a "text:" image) is refused by signature.
        var msl = "<?xml version=\"1.0\"?><image><read filename=\"/etc/passwd\"/></image>"u8.ToArray();
        Assert.Contains("not a supported image", Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(msl)).Message);
    }

    [Fact]
    public void Write_is_atomic_and_picks_the_format_from_the_extension()
    {
        using var temp = new TempDirectory();
        var image = SyntheticImages.NaturalGray(16, 16, 10);
        var path = temp.File("a.png");
        File.WriteAllText(path, "old");
        ImageCodec.Write(image, path, ImageEncoding.SameAsInput); // in-memory image: the extension decides
        Assert.Equal(image.Channels[0].Data, ImageCodec.Read(path).Channels[0].Data);
        Assert.Equal(["a.png"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));

        Assert.ThrowsAny<IOException>(() => ImageCodec.Write(image, temp.File("missing/b.png"), ImageEncoding.Png));
        Assert.ThrowsAny<ArgumentException>(() => ImageEncoding.FromExtension("x.gif"));
        Assert.Equal(ImageFileFormat.Jpeg, ImageEncoding.FromExtension("X.JPEG").Format);
    }
}

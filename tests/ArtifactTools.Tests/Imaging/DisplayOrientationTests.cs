using ArtifactTools.Restoration;
using ArtifactTools.Tests.Cmdlets;
using ImageMagick;

namespace ArtifactTools.Tests.Imaging;

public sealed class DisplayOrientationTests
{
    static RasterImage WithOrientation(RasterImage image, int orientation)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)orientation);
        return new RasterImage { ColorModel = image.ColorModel, Channels = image.Channels, Exif = exif.ToByteArray() };
    }

    [Theory]
    [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(6)] [InlineData(7)] [InlineData(8)]
    public void Turns_pixels_as_ImageMagick_auto_orient_does(int orientation)
    {
        using var dir = new TempDirectory();
        var stored = WithOrientation(SyntheticImages.NaturalGray(37, 23, 1), orientation);
        var jpeg = dir.File("stored.jpg"); // both sides decode it with the same libjpeg, so pixels compare exactly
        ImageCodec.Write(stored, jpeg, ImageEncoding.Jpeg(90));
        using var reference = new MagickImage(jpeg);
        reference.AutoOrient();
        reference.Write(dir.File("reference.png"));

        var turned = DisplayOrientation.Apply(ImageCodec.Read(jpeg));

        var expected = ImageCodec.Read(dir.File("reference.png"));
        Assert.Equal((expected.Width, expected.Height), (turned.Width, turned.Height));
        Assert.Equal(expected.Channels[0].Data, turned.Channels[0].Data);
        Assert.Equal(1, DisplayOrientation.Of(turned));
    }

    [Fact]
    public void A_restored_png_is_displayed_upright_and_still_measures_against_its_jpeg()
    {
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(WithOrientation(SyntheticImages.NaturalGray(48, 32, 2), 6), dir.File("portrait.jpg"), ImageEncoding.Jpeg(30));
        using var session = dir.OpenSession();

        var restored = session.Run("Invoke-ArtifactRestore portrait.jpg -Model $model").AssertNoErrors().Single<RestoreResult>();
        var png = ImageCodec.Read(restored.Path);
        Assert.Equal((32, 48), (png.Width, png.Height)); // turned 90 degrees into its displayed orientation
        Assert.Equal(1, DisplayOrientation.Of(png));
        Assert.Equal(6, DisplayOrientation.Of(ImageCodec.Read(dir.File("portrait.jpg"))));

        var score = session.Run("Measure-ImageQuality -Path $png -ReferencePath portrait.jpg", new Dictionary<string, object?> { ["png"] = restored.Path })
            .AssertNoErrors();
        Assert.Single(score.Output);
    }
}

using ArtifactTools.Degradation;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Restoration;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Restoration;

public sealed class ColorRestorerTests
{
    static RestorationModel Model(RestorationNetwork network, string colorMode, int channels) =>
        new(network, new ModelMetadata { Name = network.Spec, Architecture = network.Spec, ColorMode = colorMode, Channels = channels }, "", CPU);

    static ColorRestorer Restorer()
    {
        manual_seed(5);
        var luma = new ArtifactTools.Restoration.Restorer(Model(NetworkRegistry.Create("8(5)-1(3)"), "Y", 1), ownsModel: true);
        var chroma = NetworkRegistry.Create("ChromaNet-w8");
        Initializers.He(chroma, Initializers.Seeded(3)); // visible chroma changes, so tiling errors would show
        chroma.eval();
        return new ColorRestorer(luma, Model(chroma, "YCbCr", 3), ownsChroma: true);
    }

    [Fact]
    public void Tiled_colour_restore_equals_the_untiled_one_and_keeps_alpha_and_metadata()
    {
        using var restorer = Restorer();
        var decoded = new JpegDegradation(10).Apply(SyntheticImages.NaturalRgb(150, 110, 9)).Degraded;
        var withAlpha = new RasterImage
        {
            ColorModel = ColorModel.Rgb, Channels = decoded.Channels, Alpha = SyntheticImages.Constant(150, 110, 200),
            Exif = [1, 2, 3], SourceFormat = "JPEG",
        };
        var copy = () => new RasterImage { ColorModel = ColorModel.Rgb, Channels = withAlpha.Channels.Select(c => c.Clone()).ToArray(), Alpha = withAlpha.Alpha, Exif = withAlpha.Exif, SourceFormat = "JPEG" };
        var whole = restorer.RestoreInPlace(copy(), new RestoreOptions { TileSize = 1024 });
        var tiled = restorer.RestoreInPlace(copy(), new RestoreOptions { TileSize = 32 });

        for (int c = 0; c < 3; c++)
            Assert.True(SyntheticImages.MaxAbsDifference(whole.Channels[c], tiled.Channels[c]) < 1e-3f, $"channel {c} differs when tiled");
        Assert.True(SyntheticImages.MaxAbsDifference(whole.Channels[0], decoded.Channels[0]) > 1f, "nothing was restored");
        Assert.Same(withAlpha.Alpha, tiled.Alpha);
        Assert.Equal(withAlpha.Exif, tiled.Exif);
        Assert.Equal(0, restorer.ChromaMargin % 2);
    }

    [Fact]
    public void Gray_images_get_the_luma_restore_only_and_luma_models_are_refused_as_colour_models()
    {
        using var restorer = Restorer();
        var gray = SyntheticImages.NaturalGray(40, 40, 2);
        var expected = restorer.Luma.Restore(gray);
        var restored = restorer.RestoreInPlace(RasterImage.Gray(gray.Channels[0].Clone()));
        Assert.Equal(ColorModel.Gray, restored.ColorModel);
        Assert.Equal(0f, SyntheticImages.MaxAbsDifference(expected.Channels[0], restored.Channels[0]));
        Assert.Throws<NotSupportedException>(() => new ColorRestorer(restorer.Luma, restorer.Luma.Model));
    }

    [Fact]
    public void Ensemble_averages_the_chroma_network_over_the_eight_flips_and_rotations()
    {
        using var restorer = Restorer();
        var (y, cb, cr) = ColorConversion.ToYCbCr(new JpegDegradation(10).Apply(SyntheticImages.NaturalRgb(64, 48, 4)).Degraded);
        var single = restorer.RestoreChroma(y, cb, cr, new RestoreOptions { TileSize = 1024 });
        var ensemble = restorer.RestoreChroma(y, cb, cr, new RestoreOptions { TileSize = 1024, Ensemble = true });

        // The same average computed by hand on the whole image: the tile loop runs the chroma network through the ensemble.
        using var _ = inference_mode();
        var input = cat([.. new[] { y, cb, cr }.Select(TensorImage.ToTensor)], 1);
        var expected = SelfEnsemble.Forward(restorer.Chroma.Network, input).mul(255f).contiguous();
        var expectedCb = new Plane(y.Width, y.Height, expected[0, 1].data<float>().ToArray());
        Assert.True(SyntheticImages.MaxAbsDifference(expectedCb, ensemble.Cb) < 1e-2f, "chroma ensemble differs from the hand-made average");
        Assert.True(SyntheticImages.MaxAbsDifference(single.Cb, ensemble.Cb) > 0.05f, "-Ensemble did not change the chroma");
    }
}

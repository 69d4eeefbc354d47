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
    public void Chroma_is_averaged_over_the_image_and_its_transpose_by_default_and_over_all_eight_with_Ensemble()
    {
        using var restorer = Restorer();
        var (y, cb, cr) = ColorConversion.ToYCbCr(new JpegDegradation(10).Apply(SyntheticImages.NaturalRgb(64, 48, 4)).Degraded);
        var single = restorer.RestoreChroma(y, cb, cr, new RestoreOptions { TileSize = 1024, ChromaOrientations = 1 });
        var pair = restorer.RestoreChroma(y, cb, cr, new RestoreOptions { TileSize = 1024 });
        var ensemble = restorer.RestoreChroma(y, cb, cr, new RestoreOptions { TileSize = 1024, Ensemble = true, ChromaOrientations = 1 });

        // The same averages computed by hand on the whole image: the tile loop runs the chroma network through them.
        using var _ = inference_mode();
        var input = cat([.. new[] { y, cb, cr }.Select(TensorImage.ToTensor)], 1);
        Plane Cb(Tensor output) => TensorImage.ToPlane(output[.., 1..2]);
        var network = restorer.Chroma.Network;
        var plainCb = Cb(network.forward(input));
        var pairCb = Cb((network.forward(input) + network.forward(input.transpose(-2, -1)).transpose(-2, -1)) / 2);
        var eightCb = Cb(SelfEnsemble.Forward(network, input));
        Assert.True(SyntheticImages.MaxAbsDifference(plainCb, single.Cb) < 1e-2f, "one orientation differs from the plain pass");
        Assert.True(SyntheticImages.MaxAbsDifference(pairCb, pair.Cb) < 1e-2f, "the default chroma differs from the image-and-transpose average");
        Assert.True(SyntheticImages.MaxAbsDifference(eightCb, ensemble.Cb) < 1e-2f, "Ensemble's chroma differs from the 8-orientation average");
        Assert.True(SyntheticImages.MaxAbsDifference(single.Cb, pair.Cb) > 0.05f, "the pair did not change the chroma");
        Assert.True(SyntheticImages.MaxAbsDifference(pair.Cb, ensemble.Cb) > 0.05f, "Ensemble did not change the chroma");
    }
}

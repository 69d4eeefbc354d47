using ArtifactTools.Networks;
using ArtifactTools.Restoration;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Networks;

public sealed class ChromaNetworkTests
{
    [Fact]
    public void Default_width_has_the_documented_layers_and_parameter_count()
    {
        using var network = (ChromaNetwork)NetworkRegistry.Create("ChromaNet");
        // 12 -> 32 (3x3), five 32 -> 32 (3x3, dilated), 32 -> 8 (3x3): weights, biases and six PReLUs' slopes.
        Assert.Equal(7, network.Layers.Count);
        Assert.Equal(12 * 32 * 9 + 5 * 32 * 32 * 9 + 32 * 8 * 9, network.WeightCount);
        Assert.Equal(network.WeightCount + 32 + 5 * 32 + 8 + 6 * 32, network.ParameterCount);
        Assert.Equal("ChromaNet", network.Spec);
        Assert.Equal(3, NetworkRegistry.ImageChannels(network));
        Assert.Contains(NetworkRegistry.Known, n => n.Name == "ChromaNet" && n.Weights == network.WeightCount);
    }

    [Theory]
    [InlineData("ChromaNet-w8", 37, 29)]
    [InlineData("ChromaNet-w8", 48, 48)]
    [InlineData("ChromaNet-w8", 1, 7)]
    [InlineData("ChromaUNet-w8", 37, 29)]
    [InlineData("ChromaUNet-w8", 48, 48)]
    [InlineData("ChromaUNet-w8", 1, 7)]
    public void Any_size_comes_back_the_same_size_with_luma_untouched(string architecture, int height, int width)
    {
        using var network = NetworkRegistry.Create(architecture);
        Assert.Equal(architecture, network.Spec);
        using var input = rand([2, 3, height, width], generator: new Generator(3));
        using var output = network.forward(input);
        Assert.Equal(input.shape, output.shape);
        Assert.Equal(0f, (output[.., 0] - input[.., 0]).abs().max().item<float>());
    }

    [Fact]
    public void Receptive_radius_is_24_pixels_and_one_channel_input_is_refused()
    {
        using var network = NetworkRegistry.Create("ChromaNet-w8");
        int radius = ReceptiveField.MeasureRadius(network, channels: 3);
        // 3x3 layers with dilations 1+1+2+4+2+1+1 = 12 at half resolution; the 2x2 fold adds at most one pixel.
        Assert.InRange(radius, 24, 25);
        using var gray = rand([1, 1, 16, 16]);
        Assert.Throws<ArgumentException>(() => network.forward(gray));
    }
}

public sealed class ChromaUNetTests
{
    [Fact]
    public void Default_width_has_the_documented_layers_and_parameter_count()
    {
        using var network = (ChromaUNet)NetworkRegistry.Create("ChromaUNet");
        // Half resolution: 12 -> 32, 32 -> 32; quarter: 128 -> 64, five 64 -> 64 (dilated), 64 -> 128; half again:
        // 64 -> 32 (joined levels), 32 -> 8. All 3x3, every layer but the last with a PReLU.
        Assert.Equal(11, network.Layers.Count);
        long weights = 9L * (12 * 32 + 32 * 32 + 128 * 64 + 5 * 64 * 64 + 64 * 128 + 64 * 32 + 32 * 8);
        Assert.Equal(365_184, weights);
        Assert.Equal(weights, network.WeightCount);
        long channelsOut = 32 + 32 + 64 + 5 * 64 + 128 + 32;
        Assert.Equal(weights + channelsOut + 8 + channelsOut, network.ParameterCount);
        Assert.Equal(3, NetworkRegistry.ImageChannels(network));
        Assert.Equal(4, network.Downsampling);
        Assert.Contains(NetworkRegistry.Known, n => n.Name == "ChromaUNet" && n.Weights == weights);
    }

    [Fact]
    public void Quarter_resolution_level_more_than_doubles_the_view_of_ChromaNet()
    {
        using var network = NetworkRegistry.Create("ChromaUNet-w8");
        using var flat = NetworkRegistry.Create("ChromaNet-w8");
        // He init keeps the signal's scale through the 11 layers (TorchSharp's default fades below the threshold).
        Initializers.He(network, Initializers.Seeded(1), negativeSlope: 0.25);
        Initializers.He(flat, Initializers.Seeded(1), negativeSlope: 0.25);
        int radius = ReceptiveField.MeasureRadius(network, channels: 3);
        // Quarter resolution: 3x3 down, dilations 1+2+4+2+1, 3x3 up = 12 cells of 4 pixels; half resolution: two 3x3
        // before and two after = 4 cells of 2 pixels; the folds add a few pixels of alignment.
        Assert.InRange(radius, 56, 62);
        Assert.True(radius > 2 * ReceptiveField.MeasureRadius(flat, channels: 3));
    }

    [Theory]
    [InlineData("ChromaUNet", true)]
    [InlineData("chromaunet-w48", true)]
    [InlineData("ChromaNet-w16", true)]
    [InlineData("L8", false)]
    public void Colour_networks_train_on_YCbCr_by_default(string architecture, bool colour)
    {
        Assert.Equal(colour, NetworkRegistry.IsChromaName(architecture));
        Assert.Equal(colour ? ArtifactTools.Imaging.ColorMode.YCbCr : ArtifactTools.Imaging.ColorMode.Y, ArtifactTools.Training.ColorTraining.DefaultFor(architecture));
    }
}

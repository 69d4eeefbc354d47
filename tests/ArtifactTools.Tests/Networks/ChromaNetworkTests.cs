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
    [InlineData(37, 29)]
    [InlineData(48, 48)]
    [InlineData(1, 7)]
    public void Any_size_comes_back_the_same_size_with_luma_untouched(int height, int width)
    {
        using var network = NetworkRegistry.Create("ChromaNet-w8");
        Assert.Equal("ChromaNet-w8", network.Spec);
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

using ArtifactTools.Networks;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Networks;

public sealed class ResUNetTests
{
    [Fact]
    public void Has_the_designed_size_and_is_registered()
    {
        using var network = NetworkRegistry.Create("ResUNet");
        // head 1x32x3x3; 2 residual blocks (2 convs 3x3) per level and side at 32/64/128 (the middle once);
        // 2x2 stride-2 convolutions down and deconvolutions up; tail 32x1x3x3.
        long blocks = 2 * 2 * 9 * (2 * 32 * 32 + 2 * 64 * 64 + 128 * 128);
        long weights = 2 * 9 * 32 + blocks + 2 * 4 * (32 * 64 + 64 * 128);
        Assert.Equal(1_040_960, weights);
        Assert.Equal(weights, network.WeightCount);
        Assert.Equal(weights + 1601, network.ParameterCount); // one bias per filter
        Assert.True(network.ParameterCount <= 2_000_000);
        Assert.True(network.IsResidual);
        Assert.Equal(4, network.Downsampling);
        Assert.Equal(26, network.Layers.Count);
        Assert.Equal(["head", "enc1.0.conv1"], network.Layers.Take(2).Select(l => l.Name));
        Assert.Equal("tail", network.Layers[^1].Name);
        Assert.Contains(NetworkRegistry.Known, k => k.Name == "ResUNet" && k.Weights == weights);
    }

    [Fact]
    public void Output_has_the_input_shape_and_starts_near_the_identity_when_the_tail_is_small()
    {
        using var scope = NewDisposeScope();
        using var network = new ResUNet();
        Initializers.XavierZeroMean(network, Initializers.Seeded(3)); // the recipes' init: tail ~ N(0, 0.001)
        using var _ = no_grad();
        foreach (var (h, w) in new[] { (17, 23), (16, 16), (9, 9), (1, 2) })
        {
            var input = rand(2, 1, h, w);
            var output = network.call(input);
            Assert.Equal(new long[] { 2, 1, h, w }, output.shape);
            Assert.True(isfinite(output).all().item<bool>());
            Assert.True((output - input).abs().max().item<float>() < 0.05f);
        }
    }

    [Fact]
    public void A_few_adam_steps_reduce_its_denoising_error()
    {
        using var generator = Initializers.Seeded(5);
        using var network = new ResUNet();
        Initializers.XavierZeroMean(network, generator);
        var (before, after, _) = DenoisingTask.Train(network, generator, steps: 30);
        Assert.True(after < before * 0.3, $"MSE {before} -> {after}");
    }
}

using ArtifactTools.Networks;
using TorchSharp.Modules;

namespace ArtifactTools.Tests.Networks;

public class InitializerTests
{
    [Fact]
    public void Gaussian_has_the_requested_std_and_zero_biases()
    {
        using var network = NetworkRegistry.Create("ARCNN");
        Initializers.Gaussian(network, 0.001, Initializers.Seeded(1));
        var big = network.Layers[1].Weight;   // 100,352 samples
        Assert.InRange(big.std().item<float>(), 0.00098, 0.00102);
        Assert.InRange(Math.Abs(big.mean().item<float>()), 0, 0.00002);
        Assert.All(network.Layers, l => Assert.Equal(0f, l.Bias!.abs().max().item<float>()));
        Assert.All(network.modules().OfType<PReLU>(), p => Assert.True(p.weight!.eq(0.25f).all().item<bool>()));
    }

    [Fact]
    public void Same_seed_gives_the_same_network_and_another_seed_does_not()
    {
        using var a = NetworkRegistry.Create("L4");
        using var b = NetworkRegistry.Create("L4");
        using var c = NetworkRegistry.Create("L4");
        Initializers.XavierZeroMean(a, Initializers.Seeded(7));
        Initializers.XavierZeroMean(b, Initializers.Seeded(7));
        Initializers.XavierZeroMean(c, Initializers.Seeded(8));
        for (var i = 0; i < a.Layers.Count; i++)
        {
            Assert.True(a.Layers[i].Weight.equal(b.Layers[i].Weight).all().item<bool>());
            Assert.False(a.Layers[i].Weight.equal(c.Layers[i].Weight).all().item<bool>());
        }
    }

    [Fact]
    public void Xavier_zero_mean_filters_have_zero_mean_and_glorot_spread()
    {
        using var network = NetworkRegistry.Create("L8");
        Initializers.XavierZeroMean(network, Initializers.Seeded(3));
        foreach (var layer in network.Layers)
        {
            var perFilter = layer.Weight.mean([1L, 2L, 3L]);
            Assert.True(perFilter.abs().max().item<float>() < 1e-6f, $"{layer.Name} filter means {perFilter.abs().max().item<float>()}");
        }
        var second = network.Layers[1];   // 32 -> 64, 3x3: Glorot uniform std = sqrt(2 / (fan_in + fan_out))
        var expected = Math.Sqrt(2.0 / (32 * 9 + 64 * 9));
        Assert.InRange(second.Weight.std().item<float>(), expected * 0.97, expected * 1.03);
        Assert.InRange(network.Layers[^1].Weight.std().item<float>(), 0.0009, 0.0011);
    }

    [Fact]
    public void Zero_mean_applies_to_deconvolution_filters_per_output_channel()
    {
        using var network = NetworkRegistry.Create("FastARCNN", channels: 3);
        Initializers.XavierZeroMean(network, Initializers.Seeded(5), lastLayerStd: 0.1);
        var deconv = network.Layers[^1];
        Assert.True(deconv.IsTransposed);
        Assert.True(deconv.Weight.mean([0L, 2L, 3L]).abs().max().item<float>() < 1e-6f);
    }

    [Fact]
    public void He_and_uniform_fan_in_scale_with_the_fan_in()
    {
        using var network = new CasCnn();
        Initializers.UniformFanIn(network, Initializers.Seeded(2));
        var c1 = network.Layers.Single(l => l.Name == "c1");   // fan-in 128 x 9
        var bound = 1 / Math.Sqrt(128 * 9);
        Assert.True(c1.Weight.abs().max().item<float>() <= bound);
        Assert.InRange(c1.Weight.std().item<float>(), bound / Math.Sqrt(3) * 0.98, bound / Math.Sqrt(3) * 1.02);
        Assert.True(c1.Bias!.abs().max().item<float>() > 0);

        using var arcnn = NetworkRegistry.Create("ARCNN");
        Initializers.He(arcnn, Initializers.Seeded(2));
        var layer = arcnn.Layers[1];   // fan-in 64 x 49
        Assert.InRange(layer.Weight.std().item<float>(), Math.Sqrt(2.0 / (64 * 49)) * 0.98, Math.Sqrt(2.0 / (64 * 49)) * 1.02);
    }
}

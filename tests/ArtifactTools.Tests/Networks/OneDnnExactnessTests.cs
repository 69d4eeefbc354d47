using ArtifactTools.Networks;
using ArtifactTools.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Networks;

/// <summary>
/// Inference runs oneDNN's fastest CPU kernels; training checks its gradients and, where they are wrong, runs its
/// backward without oneDNN (see ArtifactTools.Runtime.OneDnn). Both must agree with a float64 reference (float64
/// convolutions never go through oneDNN).
/// </summary>
public class OneDnnExactnessTests
{
    [Theory]
    [InlineData("ARCNN")]
    [InlineData("FastARCNN")]
    [InlineData("L8")]
    public void Forward_matches_float64_within_a_thousandth_of_a_grey_level(string name)
    {
        using var network = TrainedLike(name, out var generator);
        using var input = rand([1, 1, 70, 66], generator: generator);
        using var reference = Float64Copy(network, name);
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var fast = network.forward(input).to(ScalarType.Float64);
        var exact = reference.forward(input.to(ScalarType.Float64));
        Assert.True((fast - exact).abs().max().item<double>() * 255 < 1e-3);
    }

    [Theory]
    [InlineData("ARCNN")]
    [InlineData("L8")]
    public void Backward_with_oneDNN_suspended_matches_float64(string name)
    {
        using var network = TrainedLike(name, out _);
        Assert.True(GradientCheck.CpuBackwardIsExact(network, channels: 1, batch: 2, patch: 40, suspendOneDnn: true));
    }

    [Fact]
    public void Gradient_check_catches_a_wrong_gradient()
    {
        // A network whose float32 copy differs from its float64 copy stands in for a broken kernel: a NaN weight.
        using var network = TrainedLike("ARCNN", out _);
        using (no_grad()) network.Layers[^1].Weight[0, 0, 0, 0] = float.NaN;
        Assert.False(GradientCheck.CpuBackwardIsExact(network, channels: 1, batch: 1, patch: 24));
    }

    static RestorationNetwork TrainedLike(string name, out Generator generator)
    {
        generator = Initializers.Seeded(5);
        var network = NetworkRegistry.Create(name, 1);
        Initializers.He(network, generator);
        return network;
    }

    static RestorationNetwork Float64Copy(RestorationNetwork network, string name)
    {
        var copy = NetworkRegistry.Create(name, 1);
        copy.load_state_dict(network.state_dict());
        copy.to(ScalarType.Float64);
        return copy;
    }
}

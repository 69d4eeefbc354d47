using ArtifactTools.Networks;
using ArtifactTools.Training;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Runtime;

/// <summary>
/// Forward passes must agree with a float64 reference under whatever cap the process has, and training gradients in a
/// process that declared training before libtorch loaded, as this one does (TestProcessSetup; the cap measured for this CPU: Runtime/TrainingKernels.cs).
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
        using var reference = NetworkRegistry.CopyOf(network, ScalarType.Float64);
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var fast = network.forward(input).to(ScalarType.Float64);
        var exact = reference.forward(input.to(ScalarType.Float64));
        Assert.True((fast - exact).abs().max().item<double>() * 255 < 1e-3);
    }

    [Theory]
    [InlineData("ARCNN")]
    [InlineData("L8")]
    [InlineData("CASCNN")]
    public void Training_gradients_under_the_cap_measured_for_this_machine_match_float64(string name)
    {
        using var network = TrainedLike(name, out _);
        Assert.True(GradientCheck.CpuBackwardIsExact(network, channels: 1, batch: 2, patch: 40));
    }

    [Fact]
    public void Gradient_check_accepts_float32_rounding_and_rejects_what_broken_kernels_return()
    {
        using var scope = NewDisposeScope();
        var exact = rand([64, 32, 7, 7], generator: new Generator(3)).to(ScalarType.Float64);
        var small = exact * 0.001; // a layer whose gradient is tiny next to the others
        Assert.True(GradientCheck.GradientsAgree([(exact * 1.05, exact), (small * 1.2, small)]));
        Assert.False(GradientCheck.GradientsAgree([(exact * 1.26, exact), (small, small)]));      // 26% off: the broken AVX-512 backward
        var poisoned = exact.clone();
        poisoned[0, 0, 0, 0] = double.NaN;
        Assert.False(GradientCheck.GradientsAgree([(poisoned, exact)]));
    }

    static RestorationNetwork TrainedLike(string name, out Generator generator)
    {
        generator = Initializers.Seeded(5);
        var network = NetworkRegistry.Create(name, 1);
        Initializers.He(network, generator);
        return network;
    }
}

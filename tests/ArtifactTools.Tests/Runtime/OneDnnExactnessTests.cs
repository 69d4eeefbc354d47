using ArtifactTools.Networks;
using ArtifactTools.Runtime;
using ArtifactTools.Training;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Runtime;

/// <summary>
/// Forward passes must agree with a float64 reference under whatever cap the process has, and training gradients in a
/// process that declared training before libtorch loaded, as this one does (TestProcessSetup; the cap measured for this CPU: Runtime/TrainingKernels.cs).
/// </summary>
public class OneDnnExactnessTests
{
    /// <summary>Float32 rounding only: within 1e-5 of the output's magnitude (about 80 float32 epsilons; these layers sum up
    /// to 3,136 products). Measured: 2e-6 to 3e-6 on an AVX2-only AMD EPYC Zen 3 (about 0.001 grey levels on outputs
    /// of 330), less with AVX-512. Broken kernels are off by percents, or NaN.</summary>
    [Theory]
    [InlineData("ARCNN")]
    [InlineData("FastARCNN")]
    [InlineData("L8")]
    public void Forward_matches_float64_up_to_float32_rounding(string name)
    {
        using var network = TrainedLike(name, out var generator);
        using var input = rand([1, 1, 70, 66], generator: generator);
        using var reference = NetworkRegistry.CopyOf(network, ScalarType.Float64);
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var fast = network.forward(input).to(ScalarType.Float64);
        var exact = reference.forward(input.to(ScalarType.Float64));
        double error = (fast - exact).abs().max().item<double>(), magnitude = exact.abs().max().item<double>();
        Assert.True(error <= 1e-5 * magnitude, $"{name}: {error * 255:G3} grey levels from float64 on outputs up to {magnitude * 255:G3} " +
            $"(oneDNN cap: {OneDnn.AppliedCap ?? "none"}; CPU: {CpuIdentity.Current})");
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

using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>
/// Whether the CPU's float32 backward pass gives a network the gradients a float64 copy gets (float64 convolutions
/// never go through oneDNN, so the copy is an independent reference). Training runs it once before step one, because
/// oneDNN's AVX-512 backward kernels are wrong on some CPUs (see <see cref="Runtime.OneDnn"/>).
/// </summary>
public static class GradientCheck
{
    // Exact float32 kernels agree with float64 to 1e-6 (AR-CNN) .. 5% (the first layers of a He-initialised CAS-CNN,
    // 15 layers deep, whose gradients are sums over many pixels that nearly cancel) in relative norm; the broken kernels
    // are 26-46% off or NaN. Layers whose gradient is tiny next to the rest get an absolute allowance.
    const double RelativeTolerance = 0.15, AbsoluteShareOfTotal = 1e-4;

    /// <summary>True when every layer's weight gradient (MSE loss on a random batch of the given shape) is within 15%
    /// (relative norm) of float64's: wrong convolution kernels show in the weights of their layer and of every layer
    /// before it. The network itself is not touched: both sides are copies.</summary>
    public static bool CpuBackwardIsExact(RestorationNetwork network, int channels, int batch, int patch)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(2024);
        var input = rand([batch, channels, patch, patch], generator: generator);
        var target = rand([batch, channels, patch, patch], generator: generator);
        using var single = NetworkRegistry.CopyOf(network, ScalarType.Float32);
        using var precise = NetworkRegistry.CopyOf(network, ScalarType.Float64);

        nn.functional.mse_loss(single.forward(input), target).backward();
        // libtorch's float64 path itself rarely returns NaN for CAS-CNN here (seen about once in ten runs); such a
        // reference says nothing about the float32 kernels, so it is computed again, and a second NaN gives no verdict.
        for (int attempt = 0; attempt < 2 && !GradientsFinite(precise); attempt++)
        {
            precise.zero_grad();
            nn.functional.mse_loss(precise.forward(input.to(ScalarType.Float64)), target.to(ScalarType.Float64)).backward();
        }
        if (!GradientsFinite(precise)) return true;

        return GradientsAgree(single.Layers.Zip(precise.Layers, (a, b) => (a.Weight.grad!, b.Weight.grad!)).ToList());
    }

    /// <summary>True when each float32 gradient is within the tolerance of its float64 reference (NaN disagrees).</summary>
    public static bool GradientsAgree(IReadOnlyList<(Tensor Fast, Tensor Exact)> gradients)
    {
        double total = Math.Sqrt(gradients.Sum(p => Math.Pow(p.Exact.norm().item<double>(), 2)));
        foreach (var (fast, exact) in gradients)
        {
            double error = (fast.to(ScalarType.Float64) - exact.to(ScalarType.Float64)).norm().item<double>();
            double size = exact.norm().item<double>();
            if (!(error <= RelativeTolerance * size + AbsoluteShareOfTotal * total)) return false; // NaN fails too
        }
        return true;
    }

    static bool GradientsFinite(RestorationNetwork network) =>
        network.Layers.All(l => l.Weight.grad is { } g && isfinite(g).all().item<bool>());
}

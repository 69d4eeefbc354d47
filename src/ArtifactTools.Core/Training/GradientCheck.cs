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
    // Exact float32 kernels agree with float64 to 1e-6 (AR-CNN) .. 1e-2 (CAS-CNN's smallest gradients, 15 layers deep,
    // summed over many pixels) in relative norm; the broken kernels are 20-50% off or NaN. Layers whose gradient is tiny
    // next to the rest get an absolute allowance.
    const double RelativeTolerance = 5e-2, AbsoluteShareOfTotal = 1e-4;

    /// <summary>True when every layer's weight gradient (MSE loss on a random batch of the given shape) is within 5%
    /// (relative norm) of float64's: wrong convolution kernels show in the weights of their layer and of every layer
    /// before it. The network itself is not touched: both sides are copies.</summary>
    public static bool CpuBackwardIsExact(RestorationNetwork network, int channels, int batch, int patch, bool suspendOneDnn = false)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(2024);
        var input = rand([batch, channels, patch, patch], generator: generator);
        var target = rand([batch, channels, patch, patch], generator: generator);
        using var single = CopyOf(network, channels, ScalarType.Float32);
        using var precise = CopyOf(network, channels, ScalarType.Float64);

        using (var loss = nn.functional.mse_loss(single.forward(input), target))
        using (suspendOneDnn ? Runtime.OneDnn.Suspend() : null)
            loss.backward();
        using (var loss = nn.functional.mse_loss(precise.forward(input.to(ScalarType.Float64)), target.to(ScalarType.Float64)))
            loss.backward();

        var pairs = single.Layers.Zip(precise.Layers, (a, b) => (Fast: a.Weight.grad, Exact: b.Weight.grad))
            .Where(p => p.Fast is not null && p.Exact is not null).ToList();
        double total = Math.Sqrt(pairs.Sum(p => Math.Pow(p.Exact!.norm().item<double>(), 2)));
        foreach (var (fast, exact) in pairs)
        {
            double error = (fast!.to(ScalarType.Float64) - exact!).norm().item<double>();
            double size = exact!.norm().item<double>();
            if (!(error <= RelativeTolerance * size + AbsoluteShareOfTotal * total)) return false; // NaN fails too
        }
        return true;
    }

    static RestorationNetwork CopyOf(RestorationNetwork network, int channels, ScalarType type)
    {
        var copy = NetworkRegistry.Create(network.Spec, channels);
        copy.load_state_dict(network.state_dict().ToDictionary(p => p.Key, p => p.Value.cpu()));
        copy.to(type);
        copy.train();
        return copy;
    }
}

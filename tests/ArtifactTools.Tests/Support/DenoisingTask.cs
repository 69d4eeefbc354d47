using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Support;

/// <summary>A small denoising task for "does it learn at all" checks: smooth clean images (blurred uniform noise,
/// 4 x 1 x 32 x 32) and a copy with Gaussian noise (sigma 0.1).</summary>
static class DenoisingTask
{
    /// <summary>Draws the task's images from <paramref name="generator"/> (after whatever the caller drew, such as the
    /// network's initial weights), runs <paramref name="steps"/> Adam steps (lr 1e-3) on the MSE, and returns the MSE
    /// before and after, and the MSE of the noisy images themselves. Needs exact backward kernels: the test process
    /// declares training (<see cref="TestProcessSetup"/>).</summary>
    public static (double Before, double After, double Noise) Train(nn.Module<Tensor, Tensor> network, Generator generator, int steps)
    {
        // No DisposeScope around the optimiser: TorchSharp 0.107's Adam state created under one turns to NaN.
        using var clean = nn.functional.avg_pool2d(rand([4, 1, 32, 32], generator: generator), 5, stride: 1, padding: 2, count_include_pad: false);
        using var noisy = clean + 0.1 * randn([4, 1, 32, 32], generator: generator);
        using var optimizer = optim.Adam(network.parameters(), lr: 1e-3);

        double Loss() { using var _ = no_grad(); using var l = nn.functional.mse_loss(network.call(noisy), clean); return l.item<float>(); }
        var before = Loss();
        for (var step = 0; step < steps; step++)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(network.call(noisy), clean);
            loss.backward();
            optimizer.step();
        }
        var after = Loss();
        using var noise = nn.functional.mse_loss(noisy, clean);
        return (before, after, noise.item<float>());
    }
}

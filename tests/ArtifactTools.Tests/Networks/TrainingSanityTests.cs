using ArtifactTools.Networks;
using Xunit;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Networks;

public class TrainingSanityTests
{
    // Needs exact backward kernels: the test process declares training (TestProcessSetup; the story: Runtime/OneDnn.cs).
    [Fact]
    public void A_few_adam_steps_reduce_arcnn_denoising_error()
    {
        // No DisposeScope around the optimiser: TorchSharp 0.107's Adam state created under one turns to NaN.
        using var generator = Initializers.Seeded(11);
        using var network = NetworkRegistry.Create("ARCNN");
        Initializers.Gaussian(network, 0.001, generator);
        // Smooth clean images (blurred noise) and a noisy version: the network must learn to undo the noise.
        using var clean = nn.functional.avg_pool2d(rand([4, 1, 32, 32], generator: generator), 5, stride: 1, padding: 2, count_include_pad: false);
        using var noisy = clean + 0.1 * randn([4, 1, 32, 32], generator: generator);
        using var optimizer = optim.Adam(network.parameters(), lr: 1e-3);

        double Loss() { using var _ = no_grad(); using var l = nn.functional.mse_loss(network.call(noisy), clean); return l.item<float>(); }
        var before = Loss();
        for (var step = 0; step < 40; step++)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(network.call(noisy), clean);
            loss.backward();
            optimizer.step();
        }
        var after = Loss();
        Assert.True(after < before * 0.2, $"MSE {before} -> {after}");
        var noiseMse = nn.functional.mse_loss(noisy, clean).item<float>();
        Assert.True(after < noiseMse * 3, $"MSE {after} vs the noise's {noiseMse}");
    }
}

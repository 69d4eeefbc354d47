using ArtifactTools.Networks;

namespace ArtifactTools.Tests.Networks;

public class TrainingSanityTests
{
    [Fact]
    public void A_few_adam_steps_reduce_arcnn_denoising_error()
    {
        using var generator = Initializers.Seeded(11);
        using var network = NetworkRegistry.Create("ARCNN");
        Initializers.Gaussian(network, 0.001, generator);
        // The network must learn to undo the noise on smooth images.
        var (before, after, noiseMse) = DenoisingTask.Train(network, generator, steps: 40);
        Assert.True(after < before * 0.2, $"MSE {before} -> {after}");
        Assert.True(after < noiseMse * 3, $"MSE {after} vs the noise's {noiseMse}");
    }
}

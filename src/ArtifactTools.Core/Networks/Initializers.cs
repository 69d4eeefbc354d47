using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// The papers' weight initialisations. Each resets every weighted layer of the network (biases 0 unless stated) and
/// every PReLU slope to 0.25 (He et al.'s default), drawing from the given generator so a seed reproduces a network.
/// </summary>
public static class Initializers
{
    /// <summary>Paper 000: weights ~ N(0, std) with std 0.001, biases 0.</summary>
    public static void Gaussian(RestorationNetwork network, double std = 0.001, Generator? generator = null) =>
        Apply(network, generator, (layer, g) => layer.Weight.normal_(0, std, g));

    /// <summary>
    /// Paper 002's "symmetric" initialisation: Xavier/Glorot uniform, U(+-sqrt(6 / (fan_in + fan_out))), then each
    /// filter (one output channel's in x f x f kernel) shifted to zero mean so no mean offset pushes ReLUs into saturation.
    /// The last layer gets "a Gaussian initialization with lower variation": N(0, lastLayerStd), also zero-mean.
    /// </summary>
    public static void XavierZeroMean(RestorationNetwork network, Generator? generator = null, double lastLayerStd = 0.001)
    {
        var last = network.Layers[^1];
        Apply(network, generator, (layer, g) =>
        {
            if (ReferenceEquals(layer, last)) layer.Weight.normal_(0, lastLayerStd, g);
            else
            {
                var bound = Math.Sqrt(6.0 / (layer.FanIn + FanOut(layer)));
                layer.Weight.uniform_(-bound, bound, g);
            }
            SubtractFilterMeans(layer);
        });
    }

    /// <summary>He et al. (the "He" curve of paper 000 Fig. 15): N(0, sqrt(2 / ((1 + a^2) fan_in))), a the negative
    /// slope (0 for ReLU, 0.25 for PReLU at its initial slope); biases 0.</summary>
    public static void He(RestorationNetwork network, Generator? generator = null, double negativeSlope = 0)
    {
        Apply(network, generator, (layer, g) =>
            layer.Weight.normal_(0, Math.Sqrt(2.0 / ((1 + negativeSlope * negativeSlope) * layer.FanIn)), g));
    }

    /// <summary>
    /// Paper 003 (CAS-CNN): weights AND biases ~ U(-n_in^-1/2, +n_in^-1/2). n_in is the layer's fan-in (input channels
    /// x kernel area), as in Torch7's default reset that the paper describes; the paper's "number of input channels"
    /// alone would give a several times wider range that grows activations layer after layer.
    /// </summary>
    public static void UniformFanIn(RestorationNetwork network, Generator? generator = null)
    {
        Apply(network, generator, (layer, g) =>
        {
            var bound = 1 / Math.Sqrt(layer.FanIn);
            layer.Weight.uniform_(-bound, bound, g);
            layer.Bias?.uniform_(-bound, bound, g);
        });
    }

    /// <summary>A generator for reproducible initialisation: the same seed gives the same network.</summary>
    public static Generator Seeded(long seed) => new((ulong)seed, CPU);

    /// <summary>Makes each filter (output channel) of the layer zero-mean.</summary>
    public static void SubtractFilterMeans(NetworkLayer layer)
    {
        using var _ = no_grad();
        // Conv weight is out x in x f x f; a deconvolution's is in x out x f x f, its filters are dim 1.
        var filterDim = layer.IsTransposed ? 1 : 0;
        var others = Enumerable.Range(0, 4).Where(d => d != filterDim).Select(d => (long)d).ToArray();
        using var mean = layer.Weight.mean(others, keepdim: true);
        layer.Weight.sub_(mean);
    }

    static long FanOut(NetworkLayer layer) =>
        (layer.IsTransposed ? layer.Weight.shape[1] : layer.Weight.shape[0]) * layer.Weight.shape[2] * layer.Weight.shape[3];

    /// <summary>Zeroes biases, resets PReLU slopes, then lets <paramref name="initWeights"/> fill each layer.</summary>
    static void Apply(RestorationNetwork network, Generator? generator, Action<NetworkLayer, Generator?> initWeights)
    {
        using var _ = no_grad();
        foreach (var layer in network.Layers)
        {
            layer.Bias?.zero_();
            initWeights(layer, generator);
        }
        foreach (var module in network.modules())
            if (module is PReLU prelu) prelu.weight!.fill_(0.25);
    }
}

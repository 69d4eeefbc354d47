using ArtifactTools.Networks;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>Whole validation images, degraded once, scored as a user gets the network's output.</summary>
public interface IValidationSet
{
    int Count { get; }
    /// <summary>Mean PSNR of the degraded inputs: what the network must beat.</summary>
    double BaselinePsnr { get; }
    /// <summary>Mean PSNR of the network's outputs (network switched to eval for the call).</summary>
    double Evaluate(RestorationNetwork network, Device device);

    /// <summary>The mean of <paramref name="score"/> over <paramref name="pairs"/> (NaN for none), run with the network in
    /// eval mode and without gradients, each pair's tensors disposed after it; the network's mode is restored.</summary>
    internal static double MeanScore<TPair>(RestorationNetwork network, IReadOnlyList<TPair> pairs, Func<TPair, double> score)
    {
        if (pairs.Count == 0) return double.NaN;
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var _ = no_grad();
            double sum = 0;
            foreach (var pair in pairs)
            {
                using var scope = NewDisposeScope();
                sum += score(pair);
            }
            return sum / pairs.Count;
        }
        finally
        {
            if (wasTraining) network.train();
        }
    }
}

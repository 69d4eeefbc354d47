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
}

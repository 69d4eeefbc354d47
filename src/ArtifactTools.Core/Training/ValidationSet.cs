using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Metrics;
using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>Whole validation images (Y), degraded once. Scores the network's output as a user gets it: rounded to 8 bits.</summary>
public sealed class ValidationSet : IValidationSet
{
    readonly List<(Plane Clean, Plane Degraded)> _pairs = [];

    public int Count => _pairs.Count;
    /// <summary>Mean PSNR of the degraded inputs: what the network must beat.</summary>
    public double BaselinePsnr { get; }

    public ValidationSet(IReadOnlyList<string> files, IDegradation degradation, int seed)
    {
        for (int i = 0; i < files.Count; i++)
        {
            var luma = ColorConversion.Luma(ImageCodec.Read(files[i]));
            var pair = degradation.Apply(RasterImage.Gray(luma), new Random(SeedMixer.Mix(seed, i, -1)));
            _pairs.Add((ColorConversion.Luma(pair.Reference), ColorConversion.Luma(pair.Degraded)));
        }
        BaselinePsnr = _pairs.Count == 0 ? double.NaN : _pairs.Average(p => ImageMetrics.Psnr(p.Clean, p.Degraded));
    }

    /// <summary>Mean PSNR of the network's outputs (network switched to eval for the call).</summary>
    public double Evaluate(RestorationNetwork network, Device device) => IValidationSet.MeanScore(network, _pairs, pair =>
    {
        var (clean, degraded) = pair;
        var input = tensor(degraded.Data, [1, 1, degraded.Height, degraded.Width], device: device).div_(255f);
        var output = network.forward(input).mul_(255f).clamp_(0f, 255f).round_().cpu();
        var restored = new Plane(clean.Width, clean.Height, output.data<float>().ToArray());
        return ImageMetrics.Psnr(clean, restored);
    });
}

using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Metrics;
using ArtifactTools.Networks;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>Whole colour validation images, compressed once in colour; a colour network's YCbCr output is scored as a
/// user gets it: back to RGB, rounded to 8 bits, RGB PSNR (the MSE of all three channels together).</summary>
public sealed class ColorValidationSet : IValidationSet
{
    readonly List<(RasterImage Clean, (Plane Y, Plane Cb, Plane Cr) Degraded)> _pairs = [];

    public int Count => _pairs.Count;
    public double BaselinePsnr { get; }

    public ColorValidationSet(IReadOnlyList<string> files, IDegradation degradation, int seed)
    {
        double baseline = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var pair = degradation.Apply(ColorPairs.AsRgb(ImageCodec.Read(files[i])), new Random(SeedMixer.Mix(seed, i, -1)));
            var (clean, degraded) = (ColorPairs.AsRgb(pair.Reference), ColorPairs.AsRgb(pair.Degraded));
            baseline += RgbPsnr(clean, degraded);
            _pairs.Add((clean, ColorConversion.ToYCbCr(degraded)));
        }
        BaselinePsnr = _pairs.Count == 0 ? double.NaN : baseline / _pairs.Count;
    }

    public double Evaluate(RestorationNetwork network, Device device) => IValidationSet.MeanScore(network, _pairs, pair =>
    {
        var (clean, (y, cb, cr)) = pair;
        var planes = new[] { y, cb, cr }.Select(p => tensor(p.Data, [1, 1, p.Height, p.Width])).ToArray();
        var input = cat(planes, 1).to(device).div_(255f);
        var output = network.forward(input).mul_(255f).cpu().contiguous();
        var restored = Enumerable.Range(0, 3).Select(c => new Plane(y.Width, y.Height, output[0, c].data<float>().ToArray())).ToArray();
        var rgb = ColorConversion.FromYCbCr(restored[0], restored[1], restored[2]);
        return RgbPsnr(clean, Rounded(rgb));
    });

    /// <summary>PSNR of the MSE pooled over R, G and B (Measure-ImageQuality -Channel RGB's PSNR, without its SSIM).</summary>
    static double RgbPsnr(RasterImage reference, RasterImage test) =>
        PeakSignalToNoise.FromMse(Enumerable.Range(0, 3).Average(c => PeakSignalToNoise.MeanSquaredError(reference.Channels[c], test.Channels[c])));

    static RasterImage Rounded(RasterImage rgb) => RasterImage.Rgb(rgb.Channels[0].Quantized(), rgb.Channels[1].Quantized(), rgb.Channels[2].Quantized());
}

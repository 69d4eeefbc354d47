// Which orientations a colour restore should average its chroma network over, measured on validation images:
// each of the 8 flips and rotations alone, the image paired with each other one, and for each size n the first n of
// SelfEnsemble's order against the best of all sets of n that hold the image. Chroma PSNR (Cb and Cr together, MATLAB YCbCr) of the chroma network's output, averaged over the images.
//   dotnet run -c Release tools/Measure-ChromaOrientations.cs -- ../shared/data/BSDS500/val [chroma-q10] [10] [30]
// Arguments: folder of clean colour images, colour model (a shipped model's name or a file), JPEG quality (4:2:0),
// image count. Run it from the repository root: shipped models are read from module/models.
#:project ../src/ArtifactTools.Core/ArtifactTools.Core.csproj
#:property PublishAot=false
#:property RuntimeIdentifier=$(NETCoreSdkPortableRuntimeIdentifier)
using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Restoration;
using ArtifactTools.Runtime;
using static TorchSharp.torch;

if (args.Length is < 1 or > 4)
{
    Console.Error.WriteLine("usage: dotnet run -c Release tools/Measure-ChromaOrientations.cs -- <images folder> [model] [quality] [count]");
    return 2;
}
NativeRuntime.Prepare(Workload.Restore);
var modelName = args.Length > 1 ? args[1] : "chroma-q10";
int quality = args.Length > 2 ? int.Parse(args[2]) : 10;
int count = args.Length > 3 ? int.Parse(args[3]) : 30;
var modelPath = File.Exists(modelName) ? modelName : Path.Combine("module", "models", modelName + ".safetensors");
using var model = ModelFile.Load(modelPath);
var files = Directory.GetFiles(args[0]).Order(StringComparer.Ordinal).Take(count).ToList();
Console.WriteLine($"{model.Name} on {files.Count} images of {args[0]} at JPEG q{quality} (4:2:0); CPU: {CpuIdentity.Current}");

// Per image: each orientation's output once, and a function from a set of orientations to the MSE of their average.
var outputsError = new List<Func<int[], double>>();
var codec = new JpegDegradation(quality);
using (inference_mode())
{
    foreach (var file in files)
    {
        var clean = ImageCodec.Read(file);
        var (_, cleanCb, cleanCr) = ColorConversion.ToYCbCr(clean);
        var (y, cb, cr) = ColorConversion.ToYCbCr(codec.Apply(clean).Degraded);
        var input = cat([.. new[] { y, cb, cr }.Select(TensorImage.ToTensor)], 1);
        var outputs = Enumerable.Range(0, SelfEnsemble.Transforms)
            .Select(t => SelfEnsemble.Undo(model.Network.forward(SelfEnsemble.Apply(input, t)), t)[.., 1..3].mul(255f).contiguous())
            .ToArray();
        var truth = cat([TensorImage.ToTensor(cleanCb), TensorImage.ToTensor(cleanCr)], 1).mul(255f);
        outputsError.Add(set =>
        {
            using var scope = NewDisposeScope(); // 128 sets x every image: free each set's tensors at once
            var mean = stack(set.Select(t => outputs[t])).mean([0]);
            return (mean - truth).square().mean().item<float>();
        });
    }
}
double Psnr(int[] set) => outputsError.Average(error => 10 * Math.Log10(255.0 * 255.0 / error(set)));

Console.WriteLine("alone:  " + string.Join("  ", Enumerable.Range(0, 8).Select(t => $"{t}: {Psnr([t]):0.0000}")));
Console.WriteLine("with 0: " + string.Join("  ", Enumerable.Range(1, 7).Select(t => $"{t}: {Psnr([0, t]):0.0000}")));
// For each size: the first n of SelfEnsemble's order against the best set of n that holds the image (all 128 tried).
var sets = Enumerable.Range(0, 1 << 7).Select(bits => new[] { 0 }.Concat(Enumerable.Range(1, 7).Where(t => (bits >> (t - 1) & 1) == 1)).ToArray()).ToList();
string Name(int[] set) => "{" + string.Join(",", set) + "}";
for (int n = 1; n <= SelfEnsemble.Transforms; n++)
{
    var prefix = SelfEnsemble.PreferenceOrder[..n].ToArray();
    var best = sets.Where(set => set.Length == n).Select(set => (Set: set, Psnr: Psnr(set))).MaxBy(x => x.Psnr);
    double prefixPsnr = Psnr(prefix);
    Console.WriteLine($"{n}: first {n} of the order {Name(prefix),-18} {prefixPsnr:0.0000} dB; best {Name(best.Set),-18} {best.Psnr:0.0000} dB (gap {best.Psnr - prefixPsnr:0.0000})");
}
return 0;

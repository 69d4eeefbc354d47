using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Metrics;
using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Notebooks;

/// <summary>Clean and degraded luma of one image, the unit the papers train and score on.</summary>
public sealed record LumaPair(Plane Clean, Plane Degraded)
{
    /// <summary>Reads an image, takes Y (MATLAB rgb2ycbcr) and degrades it with a spec such as "jpeg:10".</summary>
    public static LumaPair Load(string path, string degradation, int maxSide = int.MaxValue)
    {
        var image = ImageCodec.Read(path);
        var y = ColorConversion.Luma(image);
        if (Math.Max(y.Width, y.Height) > maxSide) y = new CropRegion(0, 0, Math.Min(maxSide, y.Width), Math.Min(maxSide, y.Height)).Of(y);
        var pair = Degradations.Parse(degradation).Apply(RasterImage.Gray(y), new Random(0));
        return new LumaPair(pair.Reference.Channels[0], pair.Degraded.Channels[0]);
    }

    public static IReadOnlyList<LumaPair> LoadAll(IEnumerable<string> paths, string degradation, int maxSide = int.MaxValue) =>
        paths.Select(p => Load(p, degradation, maxSide)).ToList();
}

/// <summary>One point of a training curve: the papers plot validation PSNR against iterations (backprops).</summary>
public sealed record CurvePoint(int Iteration, double Loss, double ValidationPsnr);

/// <summary>
/// A small in-memory training loop for the notebooks' short CPU runs: random patches of the training pairs, Adam,
/// a smaller learning rate on the last layer (the papers' 1/10), validation PSNR every few iterations.
/// STOPGAP: the full recipes (the papers' SGD settings, augmentation, Sobel and multi-scale losses, transfer,
/// checkpoints) live in ArtifactTools.Training.Trainer; switch the notebooks to it once it lands on main.
/// </summary>
public static class QuickTraining
{
    public static IReadOnlyList<CurvePoint> Train(RestorationNetwork network, IReadOnlyList<LumaPair> training, IReadOnlyList<LumaPair> validation,
        int iterations, int batchSize = 16, int patchSize = 32, double learningRate = 1e-3, int points = 10, int seed = 0,
        Func<Tensor, Tensor, Tensor>? loss = null)
    {
        loss ??= (output, target) => nn.functional.mse_loss(output, target);
        var random = new Random(seed);
        var last = network.Layers[^1];
        var lastParameters = new HashSet<TorchSharp.Modules.Parameter>(last.Module.parameters());
        var groups = new List<TorchSharp.Modules.Adam.ParamGroup>
        {
            new(network.parameters().Where(p => p.requires_grad && !lastParameters.Contains(p)), new TorchSharp.Modules.Adam.Options { LearningRate = learningRate }),
            new(lastParameters.Where(p => p.requires_grad), new TorchSharp.Modules.Adam.Options { LearningRate = learningRate / 10 }),
        };
        using var optimizer = optim.Adam(groups);
        var curve = new List<CurvePoint> { new(0, double.NaN, Evaluate(network, validation)) };
        int every = Math.Max(1, iterations / Math.Max(1, points));
        network.train();
        for (int iteration = 1; iteration <= iterations; iteration++)
        {
            using var scope = NewDisposeScope();
            var (input, target) = Batch(training, random, batchSize, patchSize);
            optimizer.zero_grad();
            var value = loss(network.forward(input), target);
            value.backward();
            optimizer.step();
            if (iteration % every == 0 || iteration == iterations)
            {
                curve.Add(new CurvePoint(iteration, value.item<float>(), Evaluate(network, validation)));
                network.train();
            }
        }
        network.eval();
        return curve;
    }

    /// <summary>Mean PSNR of the network's 8-bit outputs over the pairs (what a user gets from a restored file).</summary>
    public static double Evaluate(RestorationNetwork network, IReadOnlyList<LumaPair> pairs) =>
        pairs.Count == 0 ? double.NaN : pairs.Average(p => ImageMetrics.Psnr(p.Clean, Apply(network, p.Degraded)));

    /// <summary>Runs the network on one luma plane (0..255 in, 0..255 out, rounded to 8 bits).</summary>
    public static Plane Apply(RestorationNetwork network, Plane degraded)
    {
        network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var input = tensor(degraded.Data, [1, 1, degraded.Height, degraded.Width]).div(255f);
        var output = network.forward(input).mul(255f).contiguous();
        return new Plane(degraded.Width, degraded.Height, output.data<float>().ToArray()).Quantized();
    }

    static (Tensor Input, Tensor Target) Batch(IReadOnlyList<LumaPair> pairs, Random random, int batchSize, int patchSize)
    {
        var input = new float[batchSize * patchSize * patchSize];
        var target = new float[input.Length];
        for (int b = 0; b < batchSize; b++)
        {
            var pair = pairs[random.Next(pairs.Count)];
            int size = Math.Min(patchSize, Math.Min(pair.Clean.Width, pair.Clean.Height));
            int x = random.Next(pair.Clean.Width - size + 1), y = random.Next(pair.Clean.Height - size + 1);
            for (int row = 0; row < size; row++)
                for (int col = 0; col < size; col++)
                {
                    int src = (y + row) * pair.Clean.Width + x + col, dst = (b * patchSize + row) * patchSize + col;
                    input[dst] = pair.Degraded.Data[src] / 255f;
                    target[dst] = pair.Clean.Data[src] / 255f;
                }
        }
        return (tensor(input, [batchSize, 1, patchSize, patchSize]), tensor(target, [batchSize, 1, patchSize, patchSize]));
    }
}

/// <summary>
/// Restores a colour or grey image with a Y-channel network, as the papers do: only luma is restored, Cb and Cr are
/// kept. STOPGAP for the notebooks until ArtifactTools.Restoration (tiling, batching, alpha, bit depth) lands.
/// </summary>
public static class LumaRestore
{
    public static RasterImage Restore(RestorationNetwork network, RasterImage image)
    {
        if (image.ColorModel == ColorModel.Gray) return RasterImage.Gray(QuickTraining.Apply(network, image.Channels[0]));
        var (y, cb, cr) = ColorConversion.ToYCbCr(image);
        return ColorConversion.FromYCbCr(QuickTraining.Apply(network, y), cb, cr, image);
    }
}

using ArtifactTools.Networks;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Measures how far (in input pixels) a network's output depends on its input: perturb one input pixel of a random
/// image and find how far the output changes. For a convolutional (translation-invariant) network that reach equals the
/// receptive-field radius. Works for any architecture (strided, hourglass, skips) without per-network bookkeeping, and
/// uses forward passes only (fits inference mode; no autograd). The tiling margin must be at least this radius.
/// </summary>
public static class ReceptiveField
{
    const int MaxSize = 1025;
    const float Threshold = 1e-5f; // above float noise of fast convolution algorithms, far below a real dependence

    public static int MeasureRadius(RestorationNetwork network, Device? device = null, int channels = 1)
    {
        device ??= CPU;
        for (int size = 65; ; size = size * 2 - 1)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var generator = new Generator(1234);
            var input = rand([1, channels, size, size], generator: generator).to(device);
            var baseline = network.forward(input);
            int centre = size / 2, radius = 0;
            // Two positions with different phases on the 8-pixel grid, for networks that stride or pool.
            foreach (var at in new[] { centre, centre + 3 })
            {
                var perturbed = input.clone();
                perturbed[.., .., at, at] += 1.0f;
                var changed = (network.forward(perturbed) - baseline).abs().amax([0, 1]).gt(Threshold).cpu();
                var rows = changed.any(1).data<bool>().ToArray();
                var cols = changed.any(0).data<bool>().ToArray();
                for (int i = 0; i < size; i++)
                    if (rows[i] || cols[i]) radius = Math.Max(radius, Math.Abs(i - at));
            }
            if (radius < centre - 3 || size >= MaxSize) return radius;
        }
    }
}

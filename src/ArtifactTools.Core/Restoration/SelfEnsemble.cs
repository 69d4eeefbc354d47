using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Geometric self-ensemble: the network restores flips and rotations of its input (the dihedral group of the square),
/// each result is turned back, and they are averaged. The errors a network makes differ between orientations while
/// the image content does not, so the average is closer to the original, for n times the time.
/// </summary>
public static class SelfEnsemble
{
    public const int Transforms = 8;

    /// <summary>The transform that swaps rows and columns (three quarter turns, then a left-right flip).</summary>
    public const int Transpose = 7;

    /// <summary>The order in which a partial ensemble adds orientations: first those that keep more of JPEG's block grid
    /// (and the networks' stride-2 grids) in place. The image and its transpose keep the top-left corner; the flips
    /// move it along one axis; the quarter turns along one axis too, with rows and columns swapped; the 180-degree turn
    /// and the anti-transpose along both, and alone they restore worst where a side is no multiple of 16. Measured with
    /// tools/Measure-ChromaOrientations.cs (chroma-q10 and chroma-q30, 40 BSDS500 val images, 4:2:0): each prefix is
    /// within 0.01 dB of the best set of its size that holds the image (the pair within 0.0012 of a quarter turn's), and
    /// the first 6 beat all 8.</summary>
    public static ReadOnlySpan<int> PreferenceOrder => [0, Transpose, 4, 6, 1, 3, 2, 5];

    /// <summary>The output averaged over all 8 orientations, for an [N, C, H, W] input (float32, on the input's device).</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor> network, Tensor input) => Forward(network, input, Transforms);

    /// <summary>The output averaged over the first <paramref name="orientations"/> (1..8) of <see cref="PreferenceOrder"/>;
    /// 1 is one plain pass. The luma and the chroma restores run their tiles through it.</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor> network, Tensor input, int orientations)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(orientations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientations, Transforms);
        if (orientations == 1) return network.forward(input);
        Tensor? sum = null;
        foreach (int t in PreferenceOrder[..orientations])
        {
            using var scope = NewDisposeScope(); // one orientation's feature maps at a time
            var output = Undo(network.forward(Apply(input, t)), t).to(ScalarType.Float32);
            if (sum is null) sum = output.contiguous().MoveToOuterDisposeScope();
            else sum.add_(output);
        }
        return sum!.div_(orientations);
    }

    /// <summary>Transform t of the group: t % 4 quarter turns, then a left-right flip when t >= 4.</summary>
    public static Tensor Apply(Tensor image, int t)
    {
        var turned = image.rot90(t % 4, (image.dim() - 2, image.dim() - 1));
        return t >= 4 ? turned.flip(-1) : turned;
    }

    /// <summary>The inverse of <see cref="Apply"/>: flip back, then turn back.</summary>
    public static Tensor Undo(Tensor image, int t)
    {
        var unflipped = t >= 4 ? image.flip(-1) : image;
        return unflipped.rot90(-(t % 4), (image.dim() - 2, image.dim() - 1));
    }
}

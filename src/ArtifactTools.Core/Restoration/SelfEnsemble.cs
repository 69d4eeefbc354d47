using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Geometric self-ensemble: the network restores the 8 flips and rotations of its input (the dihedral group of the
/// square), each result is turned back, and the 8 are averaged. The errors a network makes differ between
/// orientations while the image content does not, so the average is closer to the original, for 8x the time.
/// </summary>
public static class SelfEnsemble
{
    public const int Transforms = 8;

    /// <summary>The averaged output for an [N, C, H, W] input (float32, on the input's device).</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor> network, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(input);
        Tensor? sum = null;
        for (int t = 0; t < Transforms; t++)
        {
            using var scope = NewDisposeScope(); // one transform's feature maps at a time
            var output = Undo(network.forward(Apply(input, t)), t).to(ScalarType.Float32);
            if (sum is null) sum = output.contiguous().MoveToOuterDisposeScope();
            else sum.add_(output);
        }
        return sum!.div_(Transforms);
    }

    /// <summary>The restore's forward pass: the ensemble when <paramref name="ensemble"/> (<see cref="RestoreOptions.Ensemble"/>),
    /// else one plain pass. The luma and the chroma restores both run their tiles through it.</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor> network, Tensor input, bool ensemble) =>
        ensemble ? Forward(network, input) : network.forward(input);

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

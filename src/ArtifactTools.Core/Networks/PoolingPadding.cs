using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtifactTools.Networks;

/// <summary>For networks that downsample and upsample (CAS-CNN, ResUNet, ChromaNet's 2x2 fold): checks an N x C x H x W
/// input and pads its bottom and right edges by replication to a multiple of the total downsampling, so any image size
/// works; the caller crops back.</summary>
static class PoolingPadding
{
    /// <param name="planes">What the channels are, for the error message ("Y, Cb, Cr"); null: not said.</param>
    public static Tensor PadToMultiple(Tensor input, long channels, int multiple, out bool padded, string? planes = null)
    {
        if (input.dim() != 4 || input.shape[1] != channels)
            throw new ArgumentException($"Expected N x {channels} x H x W{(planes is null ? "" : $" ({planes})")}, got [{string.Join(", ", input.shape)}].", nameof(input));
        long padBottom = (multiple - input.shape[2] % multiple) % multiple, padRight = (multiple - input.shape[3] % multiple) % multiple;
        padded = padBottom + padRight > 0;
        return padded ? F.pad(input, [0, padRight, 0, padBottom], PaddingModes.Replicate) : input;
    }
}

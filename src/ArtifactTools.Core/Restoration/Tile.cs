using ArtifactTools.Imaging;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>One tile: the network sees <see cref="Input"/> (the tile plus a margin of context, clipped to the image);
/// only <see cref="Interior"/> is kept, so every kept pixel had its whole receptive field in view.</summary>
public readonly record struct Tile(PixelRect Input, PixelRect Interior)
{
    /// <summary>Keeps this tile of a restore: the interior of image <paramref name="index"/> of the network's output over
    /// <see cref="Input"/> (N x 1 x h x w, 0..1) goes into <paramref name="target"/> at the interior's place (0..255),
    /// blended with <paramref name="original"/> by <paramref name="strength"/> (1: the network's output as it is).</summary>
    public void Keep(Tensor restored, int index, Plane target, Plane original, float strength)
    {
        var inside = Interior with { X = Interior.X - Input.X, Y = Interior.Y - Input.Y };
        TensorImage.CopyToPlane(restored, index, inside, target, Interior.X, Interior.Y);
        if (strength < 1f) Blend(original, target, strength);
    }

    void Blend(Plane original, Plane restored, float strength)
    {
        for (int row = Interior.Y; row < Interior.Bottom; row++)
        {
            var o = original.Data.AsSpan(row * original.Width + Interior.X, Interior.Width);
            var r = restored.Data.AsSpan(row * restored.Width + Interior.X, Interior.Width);
            for (int i = 0; i < r.Length; i++) r[i] = o[i] + strength * (r[i] - o[i]);
        }
    }
}

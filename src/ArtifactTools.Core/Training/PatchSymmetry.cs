namespace ArtifactTools.Training;

/// <summary>
/// The 8 flips and rotations of a square patch (the dihedral group), applied in place to every channel: augmentation
/// drawn per patch at sampling time, so it costs no cache space (colour pairs hold 6 bytes a pixel, and a cache of 8
/// turned copies would not fit a CPU budget's preparation) and a network sees each cached patch in 8 orientations. The
/// same orientations <see cref="Restoration.SelfEnsemble"/> averages over at restore time.
/// </summary>
public static class PatchSymmetry
{
    public const int Count = 8;

    /// <summary>Turns each of the <paramref name="channels"/> <paramref name="size"/>² planes of
    /// <paramref name="patch"/> by <paramref name="symmetry"/> (0: unchanged; bit 0: mirror left-right; bit 1: mirror
    /// top-bottom; bit 2: transpose), using <paramref name="scratch"/> (one plane) in between.</summary>
    public static void Apply(Span<float> patch, int channels, int size, int symmetry, Span<float> scratch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symmetry);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(symmetry, Count);
        if (symmetry == 0) return;
        bool mirrorX = (symmetry & 1) != 0, mirrorY = (symmetry & 2) != 0, transpose = (symmetry & 4) != 0;
        int area = size * size;
        for (int c = 0; c < channels; c++)
        {
            var plane = patch.Slice(c * area, area);
            plane.CopyTo(scratch);
            for (int y = 0; y < size; y++)
            {
                int sy = mirrorY ? size - 1 - y : y;
                for (int x = 0; x < size; x++)
                {
                    int sx = mirrorX ? size - 1 - x : x;
                    plane[y * size + x] = transpose ? scratch[sx * size + sy] : scratch[sy * size + sx];
                }
            }
        }
    }
}

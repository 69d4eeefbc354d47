using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Splits an image into tiles with overlapping margins for bounded-memory inference. Tiles are spread evenly (no thin
/// leftover strip whose margins would cost more than its pixels), and a tile at the image's edge takes its input window
/// shifted inwards rather than cut, so all inputs share one size: the CPU backend then builds its kernels once per image
/// instead of once per edge case (extra context never changes a pixel). Tile sides and the margin are multiples of the
/// alignment (the network's downsampling), so every tile's input starts where the whole image's pooling or stride grid
/// does and the tiled result equals the untiled one; full-size networks need no alignment, so their margin is exactly
/// the receptive radius.
/// </summary>
public static class TileGrid
{
    /// <param name="maxTileSize">Largest tile side (interior, without margins).</param>
    public static IReadOnlyList<Tile> Create(int width, int height, int maxTileSize, int margin, int alignment = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTileSize);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alignment);
        margin = RoundUp(margin, alignment);
        int stepX = EvenStep(width, maxTileSize, alignment), stepY = EvenStep(height, maxTileSize, alignment);
        var tiles = new List<Tile>();
        for (int y = 0; y < height; y += stepY)
        for (int x = 0; x < width; x += stepX)
        {
            var interior = new PixelRect(x, y, Math.Min(stepX, width - x), Math.Min(stepY, height - y));
            var (x0, x1) = Window(x, interior.Right, stepX + 2 * margin, margin, width, alignment);
            var (y0, y1) = Window(y, interior.Bottom, stepY + 2 * margin, margin, height, alignment);
            tiles.Add(new Tile(new PixelRect(x0, y0, x1 - x0, y1 - y0), interior));
        }
        return tiles;
    }

    /// <summary>Runs a tiled restore: <paramref name="restore"/> gets the tiles in batches of equal input size (at most
    /// <paramref name="batchSize"/> tiles each), under inference mode and each batch in its own dispose scope;
    /// <paramref name="cancellation"/> is checked before a batch and (tiles done, tiles in all) reported after it.</summary>
    public static void ForEachBatch(IReadOnlyList<Tile> tiles, int batchSize, IProgress<(int Done, int Total)>? progress,
        CancellationToken cancellation, Action<Tile[]> restore)
    {
        var batches = tiles.GroupBy(t => (t.Input.Width, t.Input.Height)).SelectMany(g => g.Chunk(batchSize)).ToList();
        int done = 0;
        using var inference = inference_mode();
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using (NewDisposeScope()) restore(batch);
            done += batch.Length;
            progress?.Report((done, tiles.Count));
        }
    }

    /// <summary>The input window along one axis: the interior plus margins, moved inside the image at full size where
    /// that keeps the alignment, else cut at the image's edge.</summary>
    static (int Start, int End) Window(int start, int end, int size, int margin, int length, int alignment)
    {
        if (size >= length) return (0, length);
        int shifted = Math.Clamp(start - margin, 0, length - size);
        if (shifted % alignment == 0) return (shifted, shifted + size);
        return (Math.Max(0, start - margin), Math.Min(length, end + margin));
    }

    /// <summary>The tile side along one axis: as few tiles as <paramref name="maxTileSize"/> allows, equally wide.</summary>
    static int EvenStep(int length, int maxTileSize, int alignment)
    {
        int tiles = (length + maxTileSize - 1) / maxTileSize;
        return RoundUp((length + tiles - 1) / tiles, alignment);
    }

    public static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}

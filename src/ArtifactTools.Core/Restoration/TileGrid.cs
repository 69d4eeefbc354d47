namespace ArtifactTools.Restoration;

/// <summary>One tile: the network sees <see cref="Input"/> (the tile plus a margin of context, clipped to the image);
/// only <see cref="Interior"/> is kept, so every kept pixel had its whole receptive field in view.</summary>
public readonly record struct Tile(PixelRect Input, PixelRect Interior);

/// <summary>
/// Splits an image into tiles with overlapping margins for bounded-memory inference. Tile size and margin are rounded up
/// to multiples of <see cref="Alignment"/>, so every tile's input starts on the 8-pixel grid: networks that pool or
/// stride (CAS-CNN, Fast AR-CNN) then see the same sampling phase as on the whole image, and the tiled result equals
/// the untiled one.
/// </summary>
public static class TileGrid
{
    public const int Alignment = 8;

    public static IReadOnlyList<Tile> Create(int width, int height, int tileSize, int margin)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileSize);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        tileSize = RoundUp(tileSize);
        margin = RoundUp(margin);
        var tiles = new List<Tile>();
        for (int y = 0; y < height; y += tileSize)
        for (int x = 0; x < width; x += tileSize)
        {
            var interior = new PixelRect(x, y, Math.Min(tileSize, width - x), Math.Min(tileSize, height - y));
            int x0 = Math.Max(0, x - margin), y0 = Math.Max(0, y - margin);
            int x1 = Math.Min(width, interior.Right + margin), y1 = Math.Min(height, interior.Bottom + margin);
            tiles.Add(new Tile(new PixelRect(x0, y0, x1 - x0, y1 - y0), interior));
        }
        return tiles;
    }

    public static int RoundUp(int value) => (value + Alignment - 1) / Alignment * Alignment;
}

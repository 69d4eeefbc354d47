using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Restoration;

public sealed class TensorImageTests
{
    [Fact]
    public void Plane_to_tensor_and_back_is_exact_to_float_precision()
    {
        var plane = SyntheticImages.Pattern(37, 23);
        using var tensor = TensorImage.ToTensor(plane);
        Assert.Equal([1L, 1, 23, 37], tensor.shape);
        Assert.Equal(plane[5, 7] / 255f, tensor[0, 0, 7, 5].item<float>(), 6);
        var back = TensorImage.ToPlane(tensor);
        Assert.True(SyntheticImages.MaxAbsDifference(plane, back) < 1e-4f);
    }

    [Fact]
    public void Regions_batch_and_paste_at_the_right_place()
    {
        var a = SyntheticImages.Pattern(20, 10, seed: 1);
        var b = SyntheticImages.Pattern(20, 10, seed: 2);
        using var batch = TensorImage.ToTensor([(a, new PixelRect(3, 2, 5, 4)), (b, new PixelRect(10, 6, 5, 4))]);
        Assert.Equal([2L, 1, 4, 5], batch.shape);
        Assert.Equal(b[12, 7] / 255f, batch[1, 0, 1, 2].item<float>(), 6);

        var target = new Plane(20, 10);
        TensorImage.CopyToPlane(batch, 1, new PixelRect(1, 1, 3, 2), target, 15, 8);
        Assert.Equal(b[11, 7], target[15, 8], 3);
        Assert.Equal(b[13, 8], target[17, 9], 3);
        Assert.Equal(0f, target[14, 8]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TensorImage.CopyToPlane(batch, 0, new PixelRect(0, 0, 5, 4), target, 16, 8));
    }

    [Fact]
    public void Tile_grid_covers_every_pixel_once_with_aligned_inputs()
    {
        var tiles = TileGrid.Create(150, 130, maxTileSize: 45, margin: 10, alignment: 8); // 4 x 3 tiles of 40 x 48, margin 16
        var covered = new int[150 * 130];
        foreach (var t in tiles)
        {
            Assert.Equal(0, t.Input.X % 8);
            Assert.Equal(0, t.Input.Y % 8);
            Assert.True(t.Input.X <= t.Interior.X && t.Input.Right >= t.Interior.Right);
            Assert.True(t.Interior.X - t.Input.X >= Math.Min(16, t.Interior.X));
            Assert.True(t.Input.Right - t.Interior.Right >= Math.Min(16, 150 - t.Interior.Right));
            for (int y = t.Interior.Y; y < t.Interior.Bottom; y++)
            for (int x = t.Interior.X; x < t.Interior.Right; x++) covered[y * 150 + x]++;
        }
        Assert.All(covered, c => Assert.Equal(1, c));
        Assert.Equal(4 * 3, tiles.Count);
    }

    [Fact]
    public void Unaligned_tiles_are_spread_evenly_with_the_exact_margin()
    {
        var tiles = TileGrid.Create(1024, 1000, maxTileSize: 200, margin: 9);
        Assert.Equal(6 * 5, tiles.Count); // not 6 x 5 plus a strip of 24 px
        Assert.All(tiles, t => Assert.InRange(t.Interior.Width, 169, 171));
        Assert.All(tiles, t => Assert.Equal(200, t.Interior.Height));
        var middle = tiles.Single(t => t.Interior is { X: 171, Y: 200 });
        Assert.Equal(new PixelRect(162, 191, 171 + 18, 200 + 18), middle.Input);
        // Edge tiles see the same window size, shifted inwards, so the backend builds its kernels for one shape.
        Assert.All(tiles, t => Assert.Equal((171 + 18, 200 + 18), (t.Input.Width, t.Input.Height)));
        var corner = tiles.Single(t => t.Interior is { X: 0, Y: 0 });
        Assert.Equal(new PixelRect(0, 0, 189, 218), corner.Input);
    }
}

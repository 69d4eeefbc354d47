using ArtifactTools.Imaging;
using ArtifactTools.Restoration;
using Xunit;

namespace ArtifactTools.Tests.Restoration;

public sealed class TensorImageTests
{
    [Fact]
    public void Plane_to_tensor_and_back_is_exact_to_float_precision()
    {
        var plane = TestImages.Pattern(37, 23);
        using var tensor = TensorImage.ToTensor(plane);
        Assert.Equal([1L, 1, 23, 37], tensor.shape);
        Assert.Equal(plane[5, 7] / 255f, tensor[0, 0, 7, 5].item<float>(), 6);
        var back = TensorImage.ToPlane(tensor);
        Assert.True(TestImages.MaxAbsDifference(plane, back) < 1e-4f);
    }

    [Fact]
    public void Regions_batch_and_paste_at_the_right_place()
    {
        var a = TestImages.Pattern(20, 10, seed: 1);
        var b = TestImages.Pattern(20, 10, seed: 2);
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
        var tiles = TileGrid.Create(150, 130, tileSize: 45, margin: 10); // rounded to 48 and 16
        var covered = new int[150 * 130];
        foreach (var t in tiles)
        {
            Assert.Equal(0, t.Input.X % 8);
            Assert.Equal(0, t.Input.Y % 8);
            Assert.True(t.Input.X <= t.Interior.X && t.Input.Right >= t.Interior.Right);
            Assert.True(t.Interior.X - t.Input.X is 0 or 16);
            for (int y = t.Interior.Y; y < t.Interior.Bottom; y++)
            for (int x = t.Interior.X; x < t.Interior.Right; x++) covered[y * 150 + x]++;
        }
        Assert.All(covered, c => Assert.Equal(1, c));
        Assert.Equal(4 * 3, tiles.Count);
    }
}

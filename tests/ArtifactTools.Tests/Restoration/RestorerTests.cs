using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Restoration;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Restoration;

public sealed class RestorerTests
{
    static Restorer Untrained(string architecture, int seed = 1) => RestorerTestNetworks.Untrained(architecture, seed);

    [Fact]
    public void Measured_receptive_radius_of_ARCNN_is_its_kernel_half_widths()
    {
        using var restorer = Untrained("ARCNN");
        Assert.Equal(4 + 3 + 0 + 2, restorer.ReceptiveRadius); // 64(9)-32(7)-16(1)-1(5)
        Assert.Equal(9, restorer.DefaultMargin); // full-size network: no rounding to a grid
    }

    [Theory]
    [InlineData("ARCNN", 150, 130, 40)]   // 150x130 is no multiple of the (rounded) 40 px tile
    [InlineData("FastARCNN", 101, 77, 32)] // strided hourglass: the 8-pixel grid keeps the sampling phase
    public void Tiled_result_equals_untiled(string architecture, int width, int height, int tile)
    {
        using var restorer = Untrained(architecture);
        var y = SyntheticImages.Pattern(width, height);
        var whole = restorer.RestoreLuma(y, new RestoreOptions { TileSize = 4096 });
        var progress = new List<(int, int)>();
        var tiled = restorer.RestoreLuma(y, new RestoreOptions { TileSize = tile, BatchSize = 3, Progress = new SyncProgress(progress) });

        Assert.True(progress.Count > 3);
        Assert.Equal(progress[^1].Item2, progress[^1].Item1);
        Assert.True(SyntheticImages.MaxAbsDifference(whole, y) > 1, "the network must change the image for the test to mean anything");
        Assert.True(SyntheticImages.MaxAbsDifference(whole, tiled) <= 1e-3f * 255, $"max diff {SyntheticImages.MaxAbsDifference(whole, tiled)}");

        // Control: without context the tile seams differ, so the comparison above can fail.
        var seamy = restorer.RestoreLuma(y, new RestoreOptions { TileSize = tile, Margin = 0 });
        Assert.True(SyntheticImages.MaxAbsDifference(whole, seamy) > 1f / 255 * 255);
    }

    [Fact]
    public void Colour_restores_luma_only_and_equals_the_full_YCbCr_round_trip()
    {
        using var restorer = Untrained("8(5)-1(3)");
        TestNetworkWeights.MakeGentle(restorer.Model.Network);
        var alpha = SyntheticImages.Pattern(40, 30, seed: 9);
        var rgb = SyntheticImages.PatternRgb(40, 30);
        var input = new RasterImage { ColorModel = ColorModel.Rgb, Channels = rgb.Channels, Alpha = alpha, Exif = [1, 2, 3], IccProfile = [4, 5], SourceFormat = "JPEG" };
        var before = input.Channels[0].Clone();
        var output = restorer.Restore(input);
        Assert.Equal(before.Data, input.Channels[0].Data); // Restore copies; RestoreInPlace would overwrite

        var (y, cb, cr) = ColorConversion.ToYCbCr(input);
        var expected = ColorConversion.FromYCbCr(restorer.RestoreLuma(y, new RestoreOptions()), cb, cr);
        for (int c = 0; c < 3; c++)
            Assert.True(SyntheticImages.MaxAbsDifference(expected.Channels[c], output.Channels[c]) < 1e-3f);
        var (_, outCb, outCr) = ColorConversion.ToYCbCr(output);
        int unclamped = 0;
        for (int i = 0; i < cb.Data.Length; i++)
        {
            if (output.Channels.Any(ch => ch.Data[i] is <= 0f or >= 255f)) continue; // clamping may move chroma
            unclamped++;
            Assert.Equal(cb.Data[i], outCb.Data[i], 0.01f);
            Assert.Equal(cr.Data[i], outCr.Data[i], 0.01f);
        }
        Assert.True(unclamped > 100);
        Assert.Same(alpha, output.Alpha);
        Assert.Equal([1, 2, 3], output.Exif);
        Assert.Equal([4, 5], output.IccProfile);
        Assert.Equal("JPEG", output.SourceFormat);
        Assert.Equal(ColorModel.Rgb, output.ColorModel);
    }

    [Fact]
    public void Gray_stays_gray_clamped_and_strength_blends_with_the_input()
    {
        using var restorer = Untrained("8(5)-1(3)");
        var input = SyntheticImages.PatternGray(33, 21);
        var full = restorer.Restore(input);
        Assert.Equal(ColorModel.Gray, full.ColorModel);
        Assert.Single(full.Channels);
        Assert.All(full.Channels[0].Data, v => Assert.InRange(v, 0f, 255f));

        var none = restorer.Restore(input, new RestoreOptions { Strength = 0 });
        Assert.Equal(input.Channels[0].Data, none.Channels[0].Data);

        var y = input.Channels[0];
        var restored = restorer.RestoreLuma(y, new RestoreOptions());
        var half = restorer.RestoreLuma(y, new RestoreOptions { Strength = 0.5 });
        for (int i = 0; i < y.Data.Length; i += 17)
            Assert.Equal((y.Data[i] + restored.Data[i]) / 2, half.Data[i], 3);
    }

    [Fact]
    public void Cancellation_stops_between_tiles()
    {
        using var restorer = Untrained("8(5)-1(3)");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => restorer.Restore(SyntheticImages.PatternGray(64, 64), new RestoreOptions { TileSize = 16 }, cts.Token));
    }

    sealed class SyncProgress(List<(int, int)> sink) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => sink.Add(value);
    }
}

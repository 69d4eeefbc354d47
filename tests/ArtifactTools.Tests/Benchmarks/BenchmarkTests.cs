using System.Globalization;
using ArtifactTools.Benchmarks;

namespace ArtifactTools.Tests.Benchmarks;

public class BenchmarkTests
{
    [Fact]
    public void Mirrored_image_reflects_the_photo_at_its_edges()
    {
        var photo = new Plane(3, 2, [1, 2, 3, 4, 5, 6]);
        var big = BenchmarkImages.Mirror(photo, 8, 5);
        Assert.Equal([1, 2, 3, 3, 2, 1, 1, 2], big.Data.Take(8));   // abc|cba|ab
        Assert.Equal([4, 5, 6, 6, 5, 4, 4, 5], big.Data.Skip(8).Take(8));
        Assert.Equal(big.Data.Skip(8).Take(8), big.Data.Skip(16).Take(8)); // row 2 mirrors row 1
        Assert.Equal(big.Data.Take(8), big.Data.Skip(24).Take(8));
    }

    [Fact]
    public void Peak_resident_memory_is_read_and_covers_a_large_allocation()
    {
        if (!OperatingSystem.IsLinux()) return;
        var before = InferenceBenchmark.PeakResidentBytes();
        var block = new byte[256 << 20];
        Array.Fill(block, (byte)1);
        var after = InferenceBenchmark.PeakResidentBytes();
        GC.KeepAlive(block);
        Assert.NotNull(before);
        Assert.True(after >= (256L << 20), $"peak {after}");
    }

    /// <summary>The documented benchmark script, on a tiny set: both tables, in Markdown and CSV, with real numbers.</summary>
    [Fact]
    public void Benchmark_script_writes_quality_and_speed_tables()
    {
        using var temp = new TempDirectory();
        SyntheticImages.WriteSet(temp.Sub("clean"), count: 2, width: 64, height: 48, seed: 3);
        var results = temp.Sub("results");
        using var session = new ModuleSession(temp.Path);
        var script = Path.Combine(RepositoryPaths.Root, "bench", "Invoke-Benchmark.ps1");
        var output = session.Run($"& '{script}' -ReferencePath clean -Degradation jpeg:10 -Model arcnn-q10 -Size 64x48 -Repeat 1 -SkipPyTorch -OutputDirectory results")
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();

        Assert.Contains(output, l => l.StartsWith("| PSNR (dB) | jpeg:10 |", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("| arcnn-q10 | ARCNN | 64x48 |", StringComparison.Ordinal));
        foreach (var table in new[] { "quality.md", "quality.csv", "speed.md", "speed.csv" })
            Assert.True(File.Exists(Path.Combine(results, table)), table);

        var quality = File.ReadAllLines(Path.Combine(results, "quality.csv"));
        Assert.Equal("Degradation,Method,PSNR,SSIM,PSNRB,Images", quality[0]);
        Assert.Equal(1 + 3, quality.Length); // JPEG, default, arcnn-q10
        var jpeg = quality[1].Split(',');
        Assert.Equal(["jpeg:10", "JPEG"], jpeg[..2]);
        Assert.InRange(double.Parse(jpeg[2], CultureInfo.InvariantCulture), 20, 45);
        Assert.Equal("2", jpeg[5]);

        var speed = File.ReadAllLines(Path.Combine(results, "speed.csv"));
        Assert.Equal(2, speed.Length);
        var header = speed[0].Split(',');
        var row = speed[1].Split(',');
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        Assert.True(Column("EndToEndMpxPerSecond") > 0);
        Assert.True(Column("BareNetworkMpxPerSecond") > 0);
        Assert.True(Column("PeakResidentMB") > 50);
    }
}

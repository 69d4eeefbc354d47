using ArtifactTools.Degradation;
using ArtifactTools.Metrics;
using Xunit.Abstractions;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>
/// The acceptance check of the quality tools: grayscale JPEGs of a set at q 10..40, measured with
/// `[IO.DirectoryInfo]::new("dir/q$q").GetFiles('*.jpg') | Measure-ImageQuality -ReferencePath dir/ref`, averaged.
/// </summary>
public class QualityCalibrationTests(ITestOutputHelper output)
{
    static readonly int[] Qualities = [10, 20, 30, 40];

    /// <summary>Runs the benchmark exactly as a user would; returns the mean (PSNR, SSIM, PSNR-B) per quality.</summary>
    static Dictionary<int, (double Psnr, double Ssim, double PsnrB)> MeasureSet(string sourceGlob, string dir)
    {
        using var session = new ModuleSession();
        var vars = new Dictionary<string, object?> { ["src"] = sourceGlob, ["dir"] = dir };
        session.Run("New-DegradedImage -Path $src -Quality 10,20,30,40 -Grayscale -OutputDirectory $dir", vars).AssertNoErrors();
        var means = new Dictionary<int, (double, double, double)>();
        foreach (var q in Qualities)
        {
            var rows = session.Run($"[IO.DirectoryInfo]::new(\"$dir/q{q}\").GetFiles('*.jpg') | Measure-ImageQuality -ReferencePath $dir/ref", vars)
                .AssertNoErrors().All<ImageQualityResult>().ToList();
            Assert.NotEmpty(rows);
            means[q] = (rows.Average(r => r.PSNR), rows.Average(r => r.SSIM), rows.Average(r => r.PSNRB));
        }
        return means;
    }

    [Fact]
    public void Synthetic_set_means_equal_the_core_computation()
    {
        using var temp = new TempDirectory();
        var src = temp.Sub("src");
        var clean = Enumerable.Range(0, 3).Select(i => SyntheticImages.NaturalRgb(128, 128, 20 + 3 * i)).ToList();
        for (int i = 0; i < clean.Count; i++) ImageCodec.Write(clean[i], Path.Combine(src, $"img{i}.png"), ImageEncoding.Png);

        var measured = MeasureSet(Path.Combine(src, "*.png"), Path.Combine(temp.Path, "bench"));
        double previous = 0;
        foreach (var q in Qualities)
        {
            var scores = clean.Select(c => RasterImage.Gray(ColorConversion.Luma(c)))
                .Select(y => { var pair = new JpegDegradation(q).Apply(y); return ImageMetrics.Measure(pair.Reference, pair.Degraded); }).ToList();
            Assert.Equal(scores.Average(s => s.Psnr), measured[q].Psnr, 10);
            Assert.Equal(scores.Average(s => s.Ssim), measured[q].Ssim, 10);
            Assert.Equal(scores.Average(s => s.PsnrB), measured[q].PsnrB, 10);
            Assert.True(measured[q].Psnr > previous, "PSNR must rise with quality");
            previous = measured[q].Psnr;
        }
    }

    /// <summary>The calibration table of ../shared/data/README.md (AR-CNN paper, Table III, JPEG rows).</summary>
    static readonly Dictionary<int, (double Psnr, double Ssim, double PsnrB)> Classic5Table = new()
    {
        [10] = (27.82, 0.7800, 25.21),
        [20] = (30.12, 0.8541, 27.50),
        [30] = (31.48, 0.8844, 28.94),
        [40] = (32.43, 0.9011, 29.92),
    };

    [SkippableFact]
    public void Classic5_reproduces_the_calibration_table()
    {
        var shared = RepositoryPaths.SharedData;
        Skip.If(shared is null || !Directory.Exists(Path.Combine(shared, "Classic5")), "../shared/data/Classic5 is absent (a clone without the research data).");
        using var temp = new TempDirectory();
        var measured = MeasureSet(Path.Combine(shared, "Classic5", "*.bmp"), temp.Path);
        foreach (var q in Qualities)
        {
            var (psnr, ssim, psnrB) = measured[q];
            output.WriteLine($"q={q}: PSNR {psnr:F4}  SSIM {ssim:F5}  PSNR-B {psnrB:F4}");
            // The table prints 2 decimals (4 for SSIM): agreement within the rounding plus the required 0.01 / 0.0005.
            Assert.InRange(psnr, Classic5Table[q].Psnr - 0.015, Classic5Table[q].Psnr + 0.015);
            Assert.InRange(ssim, Classic5Table[q].Ssim - 0.00055, Classic5Table[q].Ssim + 0.00055);
            Assert.InRange(psnrB, Classic5Table[q].PsnrB - 0.015, Classic5Table[q].PsnrB + 0.015);
        }
    }
}

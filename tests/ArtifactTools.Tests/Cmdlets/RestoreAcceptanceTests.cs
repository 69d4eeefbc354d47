using ArtifactTools.Metrics;
using ArtifactTools.Restoration;
using Xunit.Abstractions;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>
/// The shipped default models, chosen automatically from each JPEG's quantization tables, as a user runs them:
/// `Invoke-ArtifactRestore -Path dir/q10/*.jpg -OutputDirectory out`. Only q10 (the hardest case) runs here, to keep
/// the suite fast; tools/Measure-ShippedModels.ps1 measures every quality.
/// </summary>
public class RestoreAcceptanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Default_model_on_classic5_q10_beats_the_acceptance_bar_and_leaves_inputs_untouched()
    {
        var shared = RepositoryPaths.SharedData;
        Skip.If(shared is null, "../shared/data is absent (a clone without the research data).");
        using var temp = new TempDirectory();
        using var session = new ModuleSession();
        var vars = new Dictionary<string, object?> { ["src"] = Path.Combine(shared, "Classic5", "*.bmp"), ["dir"] = temp.Path };
        session.Run("New-DegradedImage -Path $src -Quality 10 -Grayscale -OutputDirectory $dir", vars).AssertNoErrors();
        var inputs = Directory.GetFiles(Path.Combine(temp.Path, "q10"), "*.jpg").ToDictionary(f => f, File.ReadAllBytes);

        var restored = session.Run("Invoke-ArtifactRestore -Path \"$dir/q10/*.jpg\" -OutputDirectory \"$dir/out\"", vars)
            .AssertNoErrors().All<RestoreResult>().ToList();
        var scores = session.Run("[IO.DirectoryInfo]::new(\"$dir/out\").GetFiles('*.png') | Measure-ImageQuality -ReferencePath \"$dir/ref\"", vars)
            .AssertNoErrors().All<ImageQualityResult>().ToList();

        Assert.Equal(5, restored.Count);
        Assert.All(restored, r => Assert.Equal(10, r.DetectedQuality));
        Assert.All(restored, r => Assert.Equal("resunet-q10", r.Model));
        var psnr = scores.Average(s => s.PSNR);
        output.WriteLine($"Classic5 q10 restored: {psnr:0.000} dB (JPEG 27.82, acceptance 28.90, AR-CNN paper 29.04)");
        Assert.True(psnr >= 28.90, $"mean PSNR {psnr:0.000} dB");
        Assert.All(inputs, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }
}

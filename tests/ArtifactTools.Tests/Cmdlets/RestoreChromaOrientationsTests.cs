using ArtifactTools.Degradation;
using ArtifactTools.Models;
using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Invoke-ArtifactRestore -ChromaOrientations reaches the colour restore: each setting's output equals the Core
/// colour restore with the same options, the settings differ, -Ensemble overrides it, and counts outside 1..8 are
/// refused before any output. Shipped models come from temp folders (<see cref="ModelCatalogFolders"/>).</summary>
[Collection(nameof(ModelCatalogEnvironment))]
public sealed class RestoreChromaOrientationsTests
{
    [Fact]
    public void ChromaOrientations_reaches_the_colour_restore_and_Ensemble_overrides_it()
    {
        using var catalog = new ModelCatalogFolders();
        var lumaPath = catalog.Ship("t-q10", "jpeg:10");
        var chromaPath = catalog.ShipColor("c-420", "jpeg:8-32");
        var jpeg = new JpegDegradation(10).Compress(SyntheticImages.NaturalRgb(48, 40, 3)).Bytes;
        File.WriteAllBytes(catalog.Input("photo.jpg"), jpeg);

        using var session = new ModuleSession(catalog.Inputs);
        var runs = new Dictionary<string, (string Arguments, RestoreOptions Options)>
        {
            ["one"] = ("-ChromaOrientations 1", new() { ChromaOrientations = 1 }),
            ["default"] = ("", new()),
            ["eight"] = ("-ChromaOrientations 8", new() { ChromaOrientations = 8 }),
            ["ensemble"] = ("-ChromaOrientations 1 -Ensemble", new() { ChromaOrientations = 1, Ensemble = true }),
        };
        foreach (var (name, run) in runs)
        {
            var result = session.Run($"Invoke-ArtifactRestore -LiteralPath photo.jpg -OutputDirectory {name} {run.Arguments}").AssertNoErrors().Single<RestoreResult>();
            Assert.Equal("t-q10+c-420", result.Model);
        }

        using var luma = new Restorer(ModelFile.Load(lumaPath), ownsModel: true);
        using var colour = new ColorRestorer(luma, ModelFile.Load(chromaPath), ownsChroma: true);
        var constraint = QuantizationConstraint.FromJpeg(jpeg);
        var outputs = new Dictionary<string, RasterImage>();
        foreach (var (name, run) in runs)
        {
            var output = outputs[name] = ImageCodec.Read(catalog.Input(Path.Combine(name, "photo.png")));
            var core = colour.RestoreInPlace(ImageCodec.Decode(jpeg), run.Options with { QuantizationConstraint = constraint });
            for (int c = 0; c < 3; c++)
            {
                float difference = SyntheticImages.MaxAbsDifference(core.Channels[c].Quantized(), output.Channels[c]);
                Assert.True(difference <= 1, $"{name}, channel {c}: cmdlet and Core differ by {difference}");
            }
        }
        float Differs(string a, string b) => Enumerable.Range(0, 3).Max(c => SyntheticImages.MaxAbsDifference(outputs[a].Channels[c], outputs[b].Channels[c]));
        Assert.True(Differs("one", "default") >= 1, "the default (2) gave the same image as 1 orientation");
        Assert.True(Differs("default", "eight") >= 1, "8 orientations gave the same image as the default");
        Assert.True(Differs("eight", "ensemble") >= 1, "-Ensemble did not average the luma network too");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Counts_outside_one_to_eight_are_refused_before_any_output(int orientations)
    {
        using var catalog = new ModelCatalogFolders();
        catalog.Ship("t-q10", "jpeg:10");
        ImageCodec.Write(SyntheticImages.PatternRgb(24, 16, seed: 1), catalog.Input("photo.jpg"), ImageEncoding.Jpeg(10));
        using var session = new ModuleSession(catalog.Inputs);
        var result = session.Run($"Invoke-ArtifactRestore -LiteralPath photo.jpg -OutputDirectory out -ChromaOrientations {orientations}");
        Assert.Contains("ChromaOrientations", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(catalog.Input("out")));
    }
}

using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Restoration;
using ArtifactTools.Tests.Support;
using Xunit;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Tests that point the shipped-model catalog at a temp folder through the environment (process-wide), kept
/// in one class so that no other test sees the variable.</summary>
[Collection(nameof(ModelCatalogEnvironment))]
public sealed class ModelSelectionCmdletTests
{
    [Fact]
    public void Quality_estimate_picks_the_nearest_shipped_model_else_the_general_one()
    {
        using var dir = new TempDirectory();
        var shipped = dir.Sub("shipped");
        RestoreFixtures.SaveModel(Path.Combine(shipped, "t-q10.safetensors"), "jpeg:10");
        RestoreFixtures.SaveModel(Path.Combine(shipped, "t-q40.safetensors"), "jpeg:40");
        RestoreFixtures.SaveModel(Path.Combine(shipped, "t-blind.safetensors"), "jpeg:5-95");
        var user = dir.Sub("user");
        RestoreFixtures.SaveModel(Path.Combine(user, "my-model.safetensors"), "rescale:0.5+jpeg:75");
        var inputs = dir.Sub("in");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, seed: 1), Path.Combine(inputs, "q12.jpg"), ImageEncoding.Jpeg(12));
        ImageCodec.Write(SyntheticImages.PatternRgb(40, 32, seed: 2), Path.Combine(inputs, "q33.jpg"), ImageEncoding.Jpeg(33));
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, seed: 3), Path.Combine(inputs, "plain.png"), ImageEncoding.Png);

        var old = (Environment.GetEnvironmentVariable(ModelCatalog.ShippedPathVariable), Environment.GetEnvironmentVariable(ModelCatalog.ModelPathVariable));
        try
        {
            Environment.SetEnvironmentVariable(ModelCatalog.ShippedPathVariable, shipped);
            Environment.SetEnvironmentVariable(ModelCatalog.ModelPathVariable, user);
            using var session = new ModuleSession(inputs);
            var results = session.Run("Invoke-ArtifactRestore -Path *.jpg, *.png -OutputDirectory out -Verbose").AssertNoErrors().All<RestoreResult>().ToList();
            Assert.Equal(["q12.jpg:12:t-q10", "q33.jpg:33:t-q40", "plain.png::t-blind"],
                results.Select(r => $"{Path.GetFileName(r.SourcePath)}:{r.DetectedQuality}:{r.Model}"));

            var listed = session.Run("Get-ArtifactModel").AssertNoErrors().All<ModelInfo>().ToList();
            Assert.Equal(["my-model", "t-blind", "t-q10", "t-q40"], listed.Select(m => m.Name));
            Assert.Equal([false, true, true, true], listed.Select(m => m.Shipped));
            Assert.Equal([null, null, 10, 40], listed.Select(m => m.Quality));
            Assert.Equal(["t-q10", "t-q40"], session.Run("Get-ArtifactModel -Name t-q*").AssertNoErrors().All<ModelInfo>().Select(m => m.Name));

            var byName = session.Run("Invoke-ArtifactRestore -LiteralPath plain.png -Model my-model -Suffix .mine").AssertNoErrors().Single<RestoreResult>();
            Assert.Equal("my-model", byName.Model);

            var completions = session.Run("(TabExpansion2 -inputScript 'Invoke-ArtifactRestore -Model t-q' -cursorColumn 32).CompletionMatches.CompletionText").Output
                .Select(o => o.ToString()).ToList();
            Assert.Equal(["t-q10", "t-q40"], completions);

            var missing = session.Run("Invoke-ArtifactRestore -LiteralPath plain.png -Model no-such-model");
            Assert.Contains("no-such-model", Assert.Single(missing.Errors).Exception.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelCatalog.ShippedPathVariable, old.Item1);
            Environment.SetEnvironmentVariable(ModelCatalog.ModelPathVariable, old.Item2);
        }
    }
}

using ArtifactTools.Models;

namespace ArtifactTools.Tests.Models;

public sealed class ModelCatalogTests
{
    /// <summary>A folder of valid (untrained) models with the given degradations, named after them.</summary>
    internal static string WriteModels(string folder, params string[] degradations)
    {
        Directory.CreateDirectory(folder);
        using var network = new TestConvNetwork((2, 3), (1, 3));
        foreach (var degradation in degradations)
        {
            var name = "test-" + degradation.Replace(":", "").Replace("+", "_");
            ModelFile.Save(Path.Combine(folder, name + ".safetensors"), network, new ModelMetadata { Name = name, Degradation = degradation });
        }
        return folder;
    }

    [Theory]
    [InlineData(5, "test-jpeg10")]
    [InlineData(10, "test-jpeg10")]
    [InlineData(20, "test-jpeg20")]
    [InlineData(30, "test-jpeg20")] // tie between 20 and 40: the lower quality removes more artifacts
    [InlineData(31, "test-jpeg40")]
    [InlineData(50, "test-jpeg40")]
    [InlineData(51, "test-jpeg5-95")] // more than MaxQualityDistance from any per-quality model: the general model
    [InlineData(95, "test-jpeg5-95")]
    [InlineData(null, "test-jpeg5-95")]
    public void Selects_nearest_quality_else_general(int? quality, string expected)
    {
        using var dir = new TempDirectory();
        var catalog = new ModelCatalog([WriteModels(dir.Sub("shipped"), "jpeg:10", "jpeg:20", "jpeg:40", "jpeg:5-95")], []);
        Assert.Equal(expected, catalog.SelectFor(quality).Name);
    }

    [Fact]
    public void Without_jpeg_models_the_general_model_serves_every_quality_and_no_models_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        var general = new ModelCatalog([WriteModels(dir.Sub("a"), "rescale:0.5+jpeg:75")], []);
        Assert.Equal("test-rescale0.5_jpeg75", general.SelectFor(30).Name);

        var onlyQ10 = new ModelCatalog([WriteModels(dir.Sub("b"), "jpeg:10")], []);
        Assert.Equal("test-jpeg10", onlyQ10.SelectFor(90).Name); // far, but nothing better is shipped
        Assert.Contains("test-jpeg10", Assert.Throws<InvalidOperationException>(() => onlyQ10.SelectFor(null)).Message);

        var empty = new ModelCatalog([dir.Sub("c")], []);
        Assert.Contains("-Model", Assert.Throws<InvalidOperationException>(() => empty.SelectFor(10)).Message);
    }

    [Theory]
    [InlineData(10, "4:2:0", "c420-q10")]
    [InlineData(5, "4:2:0", "c420-q10")]
    [InlineData(20, "4:2:0", "c420-q30")]  // tie between q10 and q30: the model for milder artifacts
    [InlineData(40, "4:2:0", "c420-q30")]
    [InlineData(41, "4:2:0", null)]        // more than MaxColorQualityDistance from both: chroma kept
    [InlineData(10, "4:2:2", "c420-q10")]  // no 4:2:2 model: the 4:2:0 one stands in
    [InlineData(10, "4:4:4", "c444-q10")]  // the input's own sampling wins over the stand-in
    [InlineData(20, "4:4:4", "c444-q10")]  // ... even where the stand-in is as near
    [InlineData(30, "4:4:4", "c420-q30")]  // out of the 4:4:4 model's reach: the stand-in
    [InlineData(null, "4:2:0", "c420-q10")] // unknown quality: widest range, then larger gain (both one quality wide)
    public void Colour_models_are_chosen_by_sampling_then_quality_with_4_2_0_standing_in(int? quality, string sampling, string? expected)
    {
        using var dir = new TempDirectory();
        var folder = dir.Sub("shipped");
        Directory.CreateDirectory(folder);
        RestoreFixtures.SaveColorModel(Path.Combine(folder, "c420-q10.safetensors"), "jpeg:10");
        RestoreFixtures.SaveColorModel(Path.Combine(folder, "c420-q30.safetensors"), "jpeg:30");
        RestoreFixtures.SaveColorModel(Path.Combine(folder, "c444-q10.safetensors"), "jpeg:10", "4:4:4");
        Assert.Equal(expected, new ModelCatalog([folder], []).SelectColorFor(quality, sampling)?.Name);
    }

    [Fact]
    public void Among_models_for_the_same_quality_the_larger_measured_gain_wins()
    {
        using var dir = new TempDirectory();
        var folder = dir.Sub("shipped");
        using var network = new TestConvNetwork((2, 3), (1, 3));
        ModelFile.Save(Path.Combine(folder, "weak.safetensors"), network,
            new ModelMetadata { Name = "weak", Degradation = "jpeg:10", ValidationPsnr = 28.5, BaselinePsnr = 27.5 });
        ModelFile.Save(Path.Combine(folder, "strong.safetensors"), network,
            new ModelMetadata { Name = "strong", Degradation = "jpeg:10", ValidationPsnr = 28.8, BaselinePsnr = 27.5 });
        Assert.Equal("strong", new ModelCatalog([folder], []).SelectFor(12).Name);
    }

    [Fact]
    public void Lists_user_and_shipped_models_skips_unreadable_files_and_finds_by_name()
    {
        using var dir = new TempDirectory();
        var shipped = WriteModels(dir.Sub("shipped"), "jpeg:10");
        var user = WriteModels(dir.Sub("user"), "jpeg:20");
        File.WriteAllText(Path.Combine(user, "broken.safetensors"), "not a model");
        var catalog = new ModelCatalog([shipped], [user]);

        Assert.Equal(["test-jpeg20", "test-jpeg10"], catalog.Models.Select(m => m.Name));
        Assert.Equal([false, true], catalog.Models.Select(m => m.Shipped));
        Assert.Contains(catalog.Problems, p => p.Contains("broken.safetensors"));
        Assert.Equal(20, catalog.Find("TEST-JPEG20")!.Quality);
        Assert.True(catalog.Find("test-jpeg10")!.SizeKB > 0);
        Assert.Null(catalog.Find("nope"));
        // User models are never picked automatically: the shipped set is the tested default.
        Assert.Equal("test-jpeg10", catalog.SelectFor(20).Name);
    }
}

using System.Security.Cryptography;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Restoration;
using ArtifactTools.Tests.Restoration;
using ArtifactTools.Tests.Support;
using ImageMagick;
using Xunit;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Model files for cmdlet tests: a tiny registry-buildable network, so the cmdlet's own loader builds it.</summary>
static class RestoreFixtures
{
    public const string TinyArchitecture = "8(5)-1(3)";

    public static string SaveModel(string path, string degradation, string? name = null)
    {
        TorchSharp.torch.manual_seed(7);
        using var network = NetworkRegistry.Create(TinyArchitecture);
        ModelFile.Save(path, network, new ModelMetadata
        {
            Name = name ?? Path.GetFileNameWithoutExtension(path),
            Architecture = TinyArchitecture,
            Degradation = degradation,
        });
        return path;
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

public sealed class RestoreCmdletTests
{
    [Fact]
    public void Restores_gray_and_colour_files_keeping_mode_metadata_and_inputs()
    {
        using var dir = new TempDirectory();
        var model = RestoreFixtures.SaveModel(dir.File("tiny.safetensors"), "jpeg:20");
        var inputs = dir.Sub("in");
        var grayPath = Path.Combine(inputs, "gray.png");
        ImageCodec.Write(TestImages.Gray(70, 50), grayPath, ImageEncoding.Png);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Software, "artifact-test");
        var colour = TestImages.Rgb(64, 48);
        var colourPath = Path.Combine(inputs, "colour.jpg");
        ImageCodec.Write(new RasterImage
        {
            ColorModel = ColorModel.Rgb, Channels = colour.Channels, Exif = exif.ToByteArray(), IccProfile = ColorProfiles.SRGB.ToByteArray(),
        }, colourPath, ImageEncoding.Jpeg(20));
        var hashes = new[] { grayPath, colourPath }.ToDictionary(p => p, RestoreFixtures.Hash);

        using var session = new ModuleSession(dir.Path);
        var results = session.Run("[IO.DirectoryInfo]::new($in).GetFiles() | Invoke-ArtifactRestore -Model $model -OutputDirectory out",
            new Dictionary<string, object?> { ["in"] = inputs, ["model"] = model }).AssertNoErrors().All<RestoreResult>().OrderBy(r => r.SourcePath).ToList();

        Assert.Equal([colourPath, grayPath], results.Select(r => r.SourcePath));
        Assert.Equal([dir.File("out/colour.png"), dir.File("out/gray.png")], results.Select(r => r.Path));
        Assert.All(results, r => Assert.Equal((RestoreStatus.Restored, "tiny"), (r.Status, r.Model)));
        Assert.Equal([20, null], results.Select(r => r.DetectedQuality));
        Assert.Equal((64, 48), (results[0].Width, results[0].Height));

        var grayOut = ImageCodec.Read(results[1].Path);
        Assert.Equal(ColorModel.Gray, grayOut.ColorModel);
        Assert.True(TestImages.MaxAbsDifference(grayOut.Channels[0], ImageCodec.Read(grayPath).Channels[0]) > 1, "the model changed the image");
        var colourOut = ImageCodec.Read(results[0].Path);
        Assert.Equal(ColorModel.Rgb, colourOut.ColorModel);
        Assert.Equal("artifact-test", new ExifProfile(colourOut.Exif!).GetValue(ExifTag.Software)!.Value);
        Assert.Equal(ColorProfiles.SRGB.ToByteArray().Length, colourOut.IccProfile!.Length);
        Assert.All(hashes, kv => Assert.Equal(kv.Value, RestoreFixtures.Hash(kv.Key)));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Rerun_skips_existing_outputs_Force_redoes_them_and_WhatIf_writes_nothing()
    {
        using var dir = new TempDirectory();
        var model = RestoreFixtures.SaveModel(dir.File("tiny.safetensors"), "jpeg:20");
        ImageCodec.Write(TestImages.Gray(40, 40, seed: 1), dir.File("a.jpg"), ImageEncoding.Jpeg(30));
        ImageCodec.Write(TestImages.Gray(40, 40, seed: 2), dir.File("b.jpg"), ImageEncoding.Jpeg(30));
        var vars = new Dictionary<string, object?> { ["model"] = model };
        using var session = new ModuleSession(dir.Path);

        var dry = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model -WhatIf", vars).AssertNoErrors();
        Assert.Empty(dry.Output);
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length - 1); // the two inputs beside the model, nothing else

        var first = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model", vars).AssertNoErrors().All<RestoreResult>().ToList();
        Assert.All(first, r => Assert.Equal(RestoreStatus.Restored, r.Status));
        var written = File.GetLastWriteTimeUtc(dir.File("a.png"));
        File.Delete(dir.File("b.png"));

        var second = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model", vars).AssertNoErrors().All<RestoreResult>().ToList();
        Assert.Equal([RestoreStatus.Skipped, RestoreStatus.Restored], second.Select(r => r.Status));
        Assert.Equal(written, File.GetLastWriteTimeUtc(dir.File("a.png")));

        Thread.Sleep(20);
        var forced = session.Run("Invoke-ArtifactRestore -Path a.jpg -Model $model -Force", vars).AssertNoErrors().Single<RestoreResult>();
        Assert.Equal(RestoreStatus.Restored, forced.Status);
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(dir.File("a.png")));
    }

    [Fact]
    public void Bad_inputs_give_one_error_each_and_the_batch_goes_on()
    {
        using var dir = new TempDirectory();
        var model = RestoreFixtures.SaveModel(dir.File("tiny.safetensors"), "jpeg:20");
        var inputs = dir.Sub("in");
        ImageCodec.Write(TestImages.Gray(40, 40, seed: 1), Path.Combine(inputs, "1-good.jpg"), ImageEncoding.Jpeg(30));
        var jpeg = File.ReadAllBytes(Path.Combine(inputs, "1-good.jpg"));
        File.WriteAllBytes(Path.Combine(inputs, "2-truncated.jpg"), jpeg[..(jpeg.Length / 2)]);
        File.WriteAllBytes(Path.Combine(inputs, "3-empty.jpg"), []);
        File.WriteAllText(Path.Combine(inputs, "4-text.jpg"), "not an image");
        ImageCodec.Write(TestImages.Gray(40, 40, seed: 2), Path.Combine(inputs, "5-good.jpg"), ImageEncoding.Jpeg(30));

        using var session = new ModuleSession(inputs);
        var run = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model", new Dictionary<string, object?> { ["model"] = model });

        Assert.Equal(["1-good.png", "5-good.png"], run.All<RestoreResult>().Select(r => Path.GetFileName(r.Path)));
        Assert.Equal(3, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("InvalidImage,ArtifactTools.PowerShell.Cmdlets.InvokeArtifactRestoreCommand", e.FullyQualifiedErrorId));
        Assert.Contains("2-truncated.jpg", run.Errors[0].Exception.Message);
        Assert.Equal(["1-good.png", "5-good.png"], Directory.GetFiles(inputs, "*.png").Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Output_that_would_be_the_input_gets_a_suffix_and_the_input_survives_Force()
    {
        using var dir = new TempDirectory();
        var model = RestoreFixtures.SaveModel(dir.File("tiny.safetensors"), "jpeg:20");
        ImageCodec.Write(TestImages.Gray(30, 30), dir.File("x.png"), ImageEncoding.Png);
        var hash = RestoreFixtures.Hash(dir.File("x.png"));
        using var session = new ModuleSession(dir.Path);

        var result = session.Run("Invoke-ArtifactRestore -LiteralPath x.png -Model $model -Force; Invoke-ArtifactRestore -LiteralPath x.png -Model $model -Force -Suffix _r -Format Jpeg -Quality 90",
            new Dictionary<string, object?> { ["model"] = model }).AssertNoErrors().All<RestoreResult>().ToList();
        Assert.Equal([dir.File("x.restored.png"), dir.File("x_r.jpg")], result.Select(r => r.Path));
        Assert.Equal(hash, RestoreFixtures.Hash(dir.File("x.png")));
        Assert.Equal(90, JpegQualityEstimator.EstimateFile(dir.File("x_r.jpg"))!.Quality);
    }
}

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
        ImageCodec.Write(TestImages.Gray(40, 32, seed: 1), Path.Combine(inputs, "q12.jpg"), ImageEncoding.Jpeg(12));
        ImageCodec.Write(TestImages.Rgb(40, 32, seed: 2), Path.Combine(inputs, "q33.jpg"), ImageEncoding.Jpeg(33));
        ImageCodec.Write(TestImages.Gray(40, 32, seed: 3), Path.Combine(inputs, "plain.png"), ImageEncoding.Png);

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

[CollectionDefinition(nameof(ModelCatalogEnvironment), DisableParallelization = true)]
public sealed class ModelCatalogEnvironment;

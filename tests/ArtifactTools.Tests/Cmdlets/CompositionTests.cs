using ArtifactTools.Degradation;
using ArtifactTools.Metrics;
using ArtifactTools.Models;
using ArtifactTools.Restoration;
using Xunit.Abstractions;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>
/// The cmdlets used together as a user pipes them, with the shipped models: degrade real photos, check the detected
/// quality, restore with the default model, measure. Each stage feeds the next by property name only.
/// </summary>
public sealed class CompositionTests(ITestOutputHelper output)
{
    const int Side = 96;
    static readonly string[] Photos = ["flower.png", "leaf.png", "meadow.png"]; // ordinal order, as the stages are sorted

    [Fact]
    public void Degrade_restore_measure_pipeline_gains_over_the_jpegs_with_the_shipped_default_model()
    {
        using var dir = new TempDirectory();
        var clean = dir.Sub("clean");
        foreach (var photo in Photos)
            ImageCodec.Write(CentreCrop(ImageCodec.Read(Path.Combine(RepositoryPaths.Data, "photos", photo)), Side),
                Path.Combine(clean, photo), ImageEncoding.Png);
        using var session = new ModuleSession(dir.Path);

        // One pipeline, as a user writes it; -OutVariable keeps each stage's objects for the checks below.
        var scores = session.Run("""
            [IO.DirectoryInfo]::new($clean).GetFiles('*.png') |
                New-DegradedImage -Quality 10 -Grayscale -OutputDirectory bench -OutVariable jpegs |
                Invoke-ArtifactRestore -OutputDirectory restored -OutVariable restored |
                Measure-ImageQuality
            """, new Dictionary<string, object?> { ["clean"] = clean }).AssertNoErrors().All<ImageQualityResult>().OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        // GetFiles() lists in directory order; every stage keeps its input's order, so sort all three the same way.
        var jpegs = session.Run("$jpegs").All<DegradedImageResult>().OrderBy(j => j.Path, StringComparer.Ordinal).ToList();
        var restored = session.Run("$restored").All<RestoreResult>().OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        string[] names = [.. Photos.Select(Path.GetFileNameWithoutExtension)!];

        Assert.Equal(names.Select(n => dir.File($"bench/q10/{n}.jpg")), jpegs.Select(j => j.Path));
        Assert.Equal(names.Select(n => dir.File($"bench/ref/{n}.png")), jpegs.Select(j => j.SourcePath));
        // Restoration detected quality 10 and used the shipped model the catalog chooses for it (the one trained for q10).
        var expectedModel = ModelCatalog.Default().SelectFor(10);
        Assert.Equal((10, true), (expectedModel.Quality, expectedModel.Shipped));
        Assert.All(restored, r => Assert.Equal((RestoreStatus.Restored, 10, expectedModel.Name), (r.Status, r.DetectedQuality, r.Model)));
        Assert.Equal(jpegs.Select(j => j.Path), restored.Select(r => r.SourcePath));
        Assert.Equal(jpegs.Select(j => j.SourcePath), restored.Select(r => r.ReferencePath));
        // ... so each restored file is scored against its clean original, not against the JPEG it came from.
        Assert.Equal(restored.Select(r => r.Path), scores.Select(s => s.Path));
        Assert.Equal(jpegs.Select(j => j.SourcePath), scores.Select(s => s.ReferencePath));

        // The JPEGs carry the IJG tables of quality 10, which is what restoration went by.
        var detected = session.Run("$jpegs | Get-JpegQuality").AssertNoErrors().All<JpegQualityInfo>().OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(jpegs.Select(j => (j.Path, (int?)10, true)), detected.Select(d => (d.Path, d.Quality, d.ExactIjgTables)));

        var baseline = session.Run("$jpegs | Measure-ImageQuality -Summary").AssertNoErrors().Single<ImageQualitySummary>();
        var after = ImageQualitySummary.Of(scores, MetricChannel.Y);
        output.WriteLine($"JPEG q10: {baseline.PSNR:0.00} dB / {baseline.SSIM:0.0000} / PSNR-B {baseline.PSNRB:0.00}; " +
                         $"{expectedModel.Name}: {after.PSNR:0.00} dB / {after.SSIM:0.0000} / PSNR-B {after.PSNRB:0.00}");
        Assert.Equal(Photos.Length, baseline.Count);
        Assert.True(after.PSNR > baseline.PSNR + 1.0, $"restored {after.PSNR:0.00} dB vs JPEG {baseline.PSNR:0.00} dB");
        Assert.True(after.PSNRB > baseline.PSNRB + 2.0, $"restored PSNR-B {after.PSNRB:0.00} dB vs JPEG {baseline.PSNRB:0.00} dB");
        Assert.True(after.SSIM > baseline.SSIM);
    }

    [Fact]
    public void Restored_files_without_a_reference_are_not_scored_against_their_jpeg()
    {
        using var dir = new TempDirectory();
        ImageCodec.Write(CentreCrop(ImageCodec.Read(Path.Combine(RepositoryPaths.Data, "photos", "meadow.png")), 64),
            dir.File("cat.jpg"), ImageEncoding.Jpeg(20));
        using var session = new ModuleSession(dir.Path);

        var run = session.Run("[IO.DirectoryInfo]::new($pwd.Path).GetFiles('cat.jpg') | Invoke-ArtifactRestore | Measure-ImageQuality");

        Assert.Empty(run.Output);
        var error = Assert.Single(run.Errors);
        Assert.Contains("No reference", error.Exception.Message);
        Assert.True(File.Exists(dir.File("cat.png")), "the restore itself ran");
    }

    [Fact]
    public void Result_objects_pipe_files_whose_names_look_like_wildcards()
    {
        using var dir = new TempDirectory();
        ImageCodec.Write(SyntheticImages.PatternGray(32, 32), dir.File("scan[1].png"), ImageEncoding.Png);
        using var session = new ModuleSession(dir.Path);

        // Results bind their Path to -Path, where [1] is a pattern; a pattern matching nothing falls back to the literal file.
        var scores = session.Run("New-DegradedImage -LiteralPath 'scan[1].png' -Quality 30 -OutputDirectory q30 | Measure-ImageQuality")
            .AssertNoErrors().All<ImageQualityResult>().ToList();
        Assert.Equal((dir.File("q30/scan[1].jpg"), dir.File("scan[1].png")), (Assert.Single(scores).Path, scores[0].ReferencePath));
        Assert.Equal(30, session.Run("Get-JpegQuality -Path 'q30/scan[1].jpg'").AssertNoErrors().Single<JpegQualityInfo>().Quality);
    }

    [Fact]
    public void Get_ArtifactModel_lists_the_thirteen_shipped_models_with_their_training_metadata()
    {
        using var session = new ModuleSession();
        var shipped = session.Run("Get-ArtifactModel | Where-Object Shipped").AssertNoErrors().All<ModelInfo>().ToList();

        Assert.Equal(["arcnn-q10", "arcnn-q20", "arcnn-q30", "arcnn-q40", "chroma-q10", "chroma-q30", "fastarcnn-q10", "l8-general",
            "l8-q10", "l8-q20", "l8-q30", "l8-q40", "resunet-q10"], shipped.Select(m => m.Name).Order(StringComparer.Ordinal));
        foreach (var model in shipped)
        {
            var quality = model.Name.EndsWith("general") ? (int?)null : int.Parse(model.Name[^2..]);
            Assert.Equal(quality, model.Quality);
            Assert.Equal(quality is { } q ? $"jpeg:{q}" : "jpeg:5-95", model.Degradation);
            var architecture = model.Name.Split('-')[0] switch
            {
                "arcnn" => "64(9)-32(7)-16(1)-1(5)",
                "fastarcnn" => "64(9)-32(1)-32(7)-64(1)-1[9]-s2",
                "chroma" => "ChromaUNet",
                "resunet" => "ResUNet",
                _ => "32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r",
            };
            Assert.Equal(architecture, model.Architecture);
            Assert.False(string.IsNullOrEmpty(model.Recipe));
            Assert.True(model.Iterations > 0);
            // Colour models score RGB PSNR with Y left as decoded, so only their chroma share counts: a smaller gain.
            double least = model.Metadata.ColorMode == "YCbCr" ? 0.2 : 0.5;
            Assert.True(model.MeasuredGain > least, $"{model.Name} gains {model.MeasuredGain:0.00} dB on its validation set");
            Assert.Equal(model.Metadata.ColorMode == "YCbCr" ? "4:2:0" : null, model.Metadata.ChromaSampling);
            Assert.True(File.Exists(model.Path));
        }
    }

    static RasterImage CentreCrop(RasterImage image, int side)
    {
        int left = (image.Width - side) / 2, top = (image.Height - side) / 2;
        var channels = image.Channels.Select(plane =>
        {
            var crop = new Plane(side, side);
            for (int y = 0; y < side; y++)
                plane.Data.AsSpan((top + y) * plane.Width + left, side).CopyTo(crop.Data.AsSpan(y * side, side));
            return crop;
        }).ToArray();
        return new RasterImage { ColorModel = image.ColorModel, Channels = channels };
    }
}

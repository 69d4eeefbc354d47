using ArtifactTools.Restoration;
using ImageMagick;

namespace ArtifactTools.Tests.Cmdlets;

public sealed class RestoreCmdletTests
{
    [Fact]
    public void Restores_gray_and_colour_files_keeping_mode_metadata_and_inputs()
    {
        using var dir = new RestoreWorkspace();
        var inputs = dir.Sub("in");
        var grayPath = Path.Combine(inputs, "gray.png");
        ImageCodec.Write(SyntheticImages.PatternGray(70, 50), grayPath, ImageEncoding.Png);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Software, "artifact-test");
        var colour = SyntheticImages.PatternRgb(64, 48);
        var colourPath = Path.Combine(inputs, "colour.jpg");
        ImageCodec.Write(new RasterImage
        {
            ColorModel = ColorModel.Rgb, Channels = colour.Channels, Exif = exif.ToByteArray(), IccProfile = ColorProfiles.SRGB.ToByteArray(),
        }, colourPath, ImageEncoding.Jpeg(20));
        var hashes = new[] { grayPath, colourPath }.ToDictionary(p => p, RestoreFixtures.Hash);

        using var session = dir.OpenSession();
        var results = session.Run("[IO.DirectoryInfo]::new($in).GetFiles() | Invoke-ArtifactRestore -Model $model -OutputDirectory out",
            new Dictionary<string, object?> { ["in"] = inputs }).AssertNoErrors().All<RestoreResult>().OrderBy(r => r.SourcePath).ToList();

        Assert.Equal([colourPath, grayPath], results.Select(r => r.SourcePath));
        Assert.Equal([dir.File("out/colour.png"), dir.File("out/gray.png")], results.Select(r => r.Path));
        // The colour JPEG also gets the shipped colour model for q20 4:2:0 where one ships (chroma restored beside luma).
        var colourModel = ArtifactTools.Models.ModelCatalog.Default().SelectColorFor(20, "4:2:0")?.Name;
        Assert.Equal((RestoreStatus.Restored, colourModel is null ? "tiny" : $"tiny+{colourModel}"), (results[0].Status, results[0].Model));
        Assert.Equal((RestoreStatus.Restored, "tiny"), (results[1].Status, results[1].Model));
        Assert.Equal([20, null], results.Select(r => r.DetectedQuality));
        Assert.Equal((64, 48), (results[0].Width, results[0].Height));

        var grayOut = ImageCodec.Read(results[1].Path);
        Assert.Equal(ColorModel.Gray, grayOut.ColorModel);
        Assert.True(SyntheticImages.MaxAbsDifference(grayOut.Channels[0], ImageCodec.Read(grayPath).Channels[0]) > 1, "the model changed the image");
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
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(SyntheticImages.PatternGray(40, 40, seed: 1), dir.File("a.jpg"), ImageEncoding.Jpeg(30));
        ImageCodec.Write(SyntheticImages.PatternGray(40, 40, seed: 2), dir.File("b.jpg"), ImageEncoding.Jpeg(30));
        using var session = dir.OpenSession();

        var dry = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model -WhatIf").AssertNoErrors();
        Assert.Empty(dry.Output);
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length - 1); // the two inputs beside the model, nothing else

        var first = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model").AssertNoErrors().All<RestoreResult>().ToList();
        Assert.All(first, r => Assert.Equal(RestoreStatus.Restored, r.Status));
        var written = File.GetLastWriteTimeUtc(dir.File("a.png"));
        File.Delete(dir.File("b.png"));

        var second = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model").AssertNoErrors().All<RestoreResult>().ToList();
        Assert.Equal([RestoreStatus.Skipped, RestoreStatus.Restored], second.Select(r => r.Status));
        Assert.Equal(written, File.GetLastWriteTimeUtc(dir.File("a.png")));

        Thread.Sleep(20);
        var forced = session.Run("Invoke-ArtifactRestore -Path a.jpg -Model $model -Force").AssertNoErrors().Single<RestoreResult>();
        Assert.Equal(RestoreStatus.Restored, forced.Status);
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(dir.File("a.png")));
    }

    [Fact]
    public void Bad_inputs_give_one_error_each_and_the_batch_goes_on()
    {
        using var dir = new RestoreWorkspace();
        var inputs = dir.Sub("in");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 40, seed: 1), Path.Combine(inputs, "1-good.jpg"), ImageEncoding.Jpeg(30));
        var jpeg = File.ReadAllBytes(Path.Combine(inputs, "1-good.jpg"));
        File.WriteAllBytes(Path.Combine(inputs, "2-truncated.jpg"), jpeg[..(jpeg.Length / 2)]);
        File.WriteAllBytes(Path.Combine(inputs, "3-empty.jpg"), []);
        File.WriteAllText(Path.Combine(inputs, "4-text.jpg"), "not an image");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 40, seed: 2), Path.Combine(inputs, "5-good.jpg"), ImageEncoding.Jpeg(30));

        using var session = dir.OpenSession(inputs);
        var run = session.Run("Invoke-ArtifactRestore -Path *.jpg -Model $model");

        Assert.Equal(["1-good.png", "5-good.png"], run.All<RestoreResult>().Select(r => Path.GetFileName(r.Path)));
        Assert.Equal(3, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("InvalidImage,ArtifactTools.PowerShell.Cmdlets.InvokeArtifactRestoreCommand", e.FullyQualifiedErrorId));
        Assert.Contains("2-truncated.jpg", run.Errors[0].Exception.Message);
        Assert.Equal(["1-good.png", "5-good.png"], Directory.GetFiles(inputs, "*.png").Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Output_that_would_be_the_input_gets_a_suffix_and_the_input_survives_Force()
    {
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(SyntheticImages.PatternGray(30, 30), dir.File("x.png"), ImageEncoding.Png);
        var hash = RestoreFixtures.Hash(dir.File("x.png"));
        using var session = dir.OpenSession();

        var result = session.Run("Invoke-ArtifactRestore -LiteralPath x.png -Model $model -Force; Invoke-ArtifactRestore -LiteralPath x.png -Model $model -Force -Suffix _r -Format Jpeg -Quality 90")
            .AssertNoErrors().All<RestoreResult>().ToList();
        Assert.Equal([dir.File("x.restored.png"), dir.File("x_r.jpg")], result.Select(r => r.Path));
        Assert.Equal(hash, RestoreFixtures.Hash(dir.File("x.png")));
        Assert.Equal(90, JpegQualityEstimator.EstimateFile(dir.File("x_r.jpg"))!.Quality);
    }
}

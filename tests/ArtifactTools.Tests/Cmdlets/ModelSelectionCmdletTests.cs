using ArtifactTools.Degradation;
using ArtifactTools.Models;
using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Invoke-ArtifactRestore's and Get-ArtifactModel's model choice from the catalog, with temp shipped and user
/// model folders (<see cref="ModelCatalogFolders"/>: process-wide environment, so in the catalog's collection, where no
/// other test sees the variables).</summary>
[Collection(nameof(ModelCatalogEnvironment))]
public sealed class ModelSelectionCmdletTests
{
    [Fact]
    public void Quality_estimate_picks_the_nearest_shipped_model_else_the_general_one()
    {
        using var catalog = new ModelCatalogFolders();
        catalog.Ship("t-q10", "jpeg:10");
        catalog.Ship("t-q40", "jpeg:40");
        catalog.Ship("t-blind", "jpeg:5-95");
        catalog.AddUserModel("my-model", "rescale:0.5+jpeg:75");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, seed: 1), catalog.Input("q12.jpg"), ImageEncoding.Jpeg(12));
        ImageCodec.Write(SyntheticImages.PatternRgb(40, 32, seed: 2), catalog.Input("q33.jpg"), ImageEncoding.Jpeg(33));
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, seed: 3), catalog.Input("plain.png"), ImageEncoding.Png);

        using var session = new ModuleSession(catalog.Inputs);
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

    [Fact]
    public void Colour_JPEGs_get_the_colour_model_for_their_quality_and_sampling_gray_stays_gray_and_ColorMode_binds()
    {
        using var catalog = new ModelCatalogFolders();
        catalog.Ship("t-q10", "jpeg:10");
        catalog.Ship("t-blind", "jpeg:5-95");
        catalog.ShipColor("c-420", "jpeg:8-32");
        var colour = SyntheticImages.NaturalRgb(40, 32, 2);
        File.WriteAllBytes(catalog.Input("c420.jpg"), new JpegDegradation(10).Compress(colour).Bytes);
        File.WriteAllBytes(catalog.Input("c444.jpg"), new JpegDegradation(10) { Sampling = ChromaSampling.Yuv444 }.Compress(colour).Bytes);
        File.WriteAllBytes(catalog.Input("c420q90.jpg"), new JpegDegradation(90).Compress(colour).Bytes);
        File.WriteAllBytes(catalog.Input("gray.jpg"), new JpegDegradation(10).Compress(SyntheticImages.NaturalGray(40, 32, 4)).Bytes);
        ImageCodec.Write(colour, catalog.Input("plain.png"), ImageEncoding.Png);

        using var session = new ModuleSession(catalog.Inputs);
        string Models(string script) => string.Join(" ", session.Run(script).AssertNoErrors().All<RestoreResult>()
            .OrderBy(r => r.SourcePath, StringComparer.Ordinal).Select(r => $"{Path.GetFileName(r.SourcePath)}:{r.Model}"));

        // Default: colour JPEGs within the colour model's qualities get it (4:4:4 too: no 4:4:4 model ships, and the
        // 4:2:0 one stands in); q90 is too far from 8-32, gray stays gray, a PNG keeps its colour; and the luma model
        // never picks the colour one.
        Assert.Equal("c420.jpg:t-q10+c-420 c420q90.jpg:t-blind c444.jpg:t-q10+c-420 gray.jpg:t-q10 plain.png:t-blind",
            Models("Invoke-ArtifactRestore -Path *.jpg, *.png -OutputDirectory auto"));
        Assert.Equal("c420.jpg:t-q10 c420q90.jpg:t-blind c444.jpg:t-q10 gray.jpg:t-q10 plain.png:t-blind",
            Models("Invoke-ArtifactRestore -Path *.jpg, *.png -OutputDirectory luma -ColorMode Y"));

        var forced = session.Run("Invoke-ArtifactRestore -Path c420.jpg, plain.png, c420q90.jpg, gray.jpg -OutputDirectory forced -ColorMode YCbCr");
        Assert.Equal("c420.jpg:t-q10+c-420 gray.jpg:t-q10 plain.png:t-blind+c-420", string.Join(" ", forced.All<RestoreResult>()
            .OrderBy(r => r.SourcePath, StringComparer.Ordinal).Select(r => $"{Path.GetFileName(r.SourcePath)}:{r.Model}")));
        Assert.Contains("quality 90", Assert.Single(forced.Errors).Exception.Message);

        var named = session.Run("Invoke-ArtifactRestore -LiteralPath c444.jpg -Model c-420 -OutputDirectory named").AssertNoErrors().Single<RestoreResult>();
        Assert.Equal("t-q10+c-420", named.Model);

        var restored = ImageCodec.Read(catalog.Input(Path.Combine("auto", "c420.png")));
        Assert.Equal((ColorModel.Rgb, 40, 32), (restored.ColorModel, restored.Width, restored.Height));
        Assert.Equal(ColorModel.Gray, ImageCodec.Read(catalog.Input(Path.Combine("auto", "gray.png"))).ColorModel);
        var binding = session.Run("Invoke-ArtifactRestore -LiteralPath c420.jpg -ColorMode Cmyk -OutputDirectory bad");
        Assert.Contains("Cmyk", Assert.Single(binding.Errors).Exception.Message);
    }
}

using ArtifactTools.Degradation;
using ArtifactTools.Metrics;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Measure-ImageQuality, New-DegradedImage and Get-JpegQuality in a hosted engine.</summary>
public sealed class QualityCmdletTests : IDisposable
{
    readonly TempDirectory _temp = new();
    readonly string _ref, _q10;

    /// <summary>ref/a..c.png (gray, 64x64) and q10/a..c.jpg, their JPEGs at quality 10.</summary>
    public QualityCmdletTests()
    {
        _ref = _temp.Sub("ref");
        _q10 = _temp.Sub("q10");
        foreach (var (name, seed) in new[] { ("a", 1), ("b", 2), ("c", 3) })
        {
            var image = SyntheticImages.NaturalGray(64, 64, seed);
            ImageCodec.Write(image, Path.Combine(_ref, name + ".png"), ImageEncoding.Png);
            File.WriteAllBytes(Path.Combine(_q10, name + ".jpg"), JpegDegradation.Encode(image, 10));
        }
    }

    public void Dispose() => _temp.Dispose();

    static QualityScores Expected(string reference, string test) => ImageMetrics.Measure(ImageCodec.Read(reference), ImageCodec.Read(test));

    [Fact]
    public void FileInfo_pipeline_pairs_each_file_with_its_reference_in_a_directory()
    {
        using var session = new ModuleSession();
        var results = session.Run("[IO.DirectoryInfo]::new($q).GetFiles('*.jpg') | Measure-ImageQuality -ReferencePath $r",
            new Dictionary<string, object?> { ["q"] = _q10, ["r"] = _ref }).AssertNoErrors().All<ImageQualityResult>().ToList();
        Assert.Equal(["a.jpg", "b.jpg", "c.jpg"], results.Select(r => Path.GetFileName(r.Path)).Order());
        foreach (var r in results)
        {
            Assert.Equal(Path.Combine(_ref, Path.GetFileNameWithoutExtension(r.Path) + ".png"), r.ReferencePath);
            var expected = Expected(r.ReferencePath, r.Path);
            Assert.Equal((expected.Psnr, expected.Ssim, expected.PsnrB), (r.PSNR, r.SSIM, r.PSNRB));
            Assert.InRange(r.PSNR, 20, 40);
            Assert.True(r.PSNRB < r.PSNR, "q10 JPEG is blocky, so PSNR-B must be below PSNR");
            Assert.Equal((64, 64, MetricChannel.Y), (r.Width, r.Height, r.Channel));
        }
    }

    [Fact]
    public void Strings_from_the_pipeline_and_Path_wildcards_resolve_relative_to_the_location()
    {
        using var session = new ModuleSession(_temp.Path);
        var piped = session.Run("'q10/a.jpg', 'q10/b.jpg' | Measure-ImageQuality -ReferencePath ref").AssertNoErrors().All<ImageQualityResult>().ToList();
        Assert.Equal(2, piped.Count);
        Assert.Equal(Path.Combine(_q10, "a.jpg"), piped[0].Path);
        var wildcard = session.Run("Measure-ImageQuality -Path q10/*.jpg -ReferencePath ref -Channel RGB").AssertNoErrors().All<ImageQualityResult>().ToList();
        Assert.Equal(3, wildcard.Count);
        Assert.All(wildcard, r => Assert.Equal(MetricChannel.Rgb, r.Channel));
        var single = session.Run("Measure-ImageQuality -LiteralPath q10/c.jpg -ReferencePath ref/c.png").AssertNoErrors().Single<ImageQualityResult>();
        Assert.Equal(Expected(Path.Combine(_ref, "c.png"), Path.Combine(_q10, "c.jpg")).Psnr, single.PSNR);
    }

    [Fact]
    public void Summary_gives_the_means_of_the_set()
    {
        using var session = new ModuleSession(_temp.Path);
        var summary = session.Run("Measure-ImageQuality q10/*.jpg -ReferencePath ref -Summary").AssertNoErrors().Single<ImageQualitySummary>();
        var scores = new[] { "a", "b", "c" }.Select(n => Expected(Path.Combine(_ref, n + ".png"), Path.Combine(_q10, n + ".jpg"))).ToList();
        Assert.Equal(3, summary.Count);
        Assert.Equal(scores.Average(s => s.Psnr), summary.PSNR, 12);
        Assert.Equal(scores.Average(s => s.Ssim), summary.SSIM, 12);
        Assert.Equal(scores.Average(s => s.PsnrB), summary.PSNRB, 12);
        Assert.Equal(scores.Min(s => s.Psnr), summary.MinPSNR, 12);
    }

    [Theory]
    [InlineData("missing", "PathNotFound")]
    [InlineData("text", "InvalidImage")]
    [InlineData("truncated", "InvalidImage")]
    [InlineData("size", "InvalidArgument")]
    [InlineData("noref", "FileNotFound")]
    public void A_bad_pair_gives_one_error_and_the_others_are_still_measured(string kind, string errorId)
    {
        string bad = Path.Combine(_q10, "z.jpg");
        switch (kind)
        {
            case "text": File.WriteAllText(bad, "not an image"); break;
            case "truncated":
                var jpeg = JpegDegradation.Encode(SyntheticImages.NaturalGray(64, 64, 4), 50);
                File.WriteAllBytes(bad, jpeg[..(jpeg.Length * 2 / 3)]);
                break;
            case "size": File.WriteAllBytes(bad, JpegDegradation.Encode(SyntheticImages.NaturalGray(48, 64, 4), 50)); break;
            case "noref": File.WriteAllBytes(bad, JpegDegradation.Encode(SyntheticImages.NaturalGray(64, 64, 4), 50)); break;
        }
        if (kind is "text" or "truncated" or "size") ImageCodec.Write(SyntheticImages.NaturalGray(64, 64, 4), Path.Combine(_ref, "z.png"), ImageEncoding.Png);

        using var session = new ModuleSession(_temp.Path);
        var result = session.Run("'q10/a.jpg', 'q10/z.jpg', 'q10/b.jpg' | Measure-ImageQuality -ReferencePath ref");
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId, error.FullyQualifiedErrorId);
        Assert.Contains("z.", error.Exception.Message);
    }

    [Fact]
    public void New_DegradedImage_builds_a_benchmark_set_that_pipes_into_Measure_ImageQuality()
    {
        using var session = new ModuleSession(_temp.Path);
        var colour = _temp.Sub("colour");
        ImageCodec.Write(SyntheticImages.NaturalRgb(40, 32, 5), Path.Combine(colour, "p.png"), ImageEncoding.Png);
        ImageCodec.Write(SyntheticImages.NaturalRgb(40, 32, 6), Path.Combine(colour, "s.bmp"), ImageEncoding.Bmp);

        var made = session.Run("New-DegradedImage -Path colour/* -Quality 10,20 -Degradation 'jp2:0.5' -OutputDirectory out -Grayscale")
            .AssertNoErrors().All<DegradedImageResult>().ToList();
        Assert.Equal(6, made.Count);
        var outDir = Path.Combine(_temp.Path, "out");
        Assert.Equal(["jp2-0.5", "q10", "q20", "ref"], Directory.GetDirectories(outDir).Select(Path.GetFileName).Order());
        var p10 = made.Single(m => m.Degradation == "jpeg:10" && m.Path.Contains("p.jpg"));
        Assert.Equal(Path.Combine(outDir, "q10", "p.jpg"), p10.Path);
        Assert.Equal(Path.Combine(outDir, "ref", "p.png"), p10.SourcePath);
        Assert.Equal(10, p10.Quality);
        Assert.Equal(new FileInfo(p10.Path).Length, p10.Bytes);
        Assert.Equal(ColorModel.Gray, ImageCodec.Read(p10.SourcePath).ColorModel);
        // The written reference is MATLAB's Y of the input, and the JPEG holds exactly the encoder's bytes.
        var y = RasterImage.Gray(ColorConversion.Luma(ImageCodec.Read(Path.Combine(colour, "p.png"))));
        Assert.Equal(y.Channels[0].Data, ImageCodec.Read(p10.SourcePath).Channels[0].Data);
        Assert.Equal(JpegDegradation.Encode(y, 10), File.ReadAllBytes(p10.Path));

        var measured = session.Run("New-DegradedImage -Path colour/* -Quality 30 -OutputDirectory out2 | Measure-ImageQuality")
            .AssertNoErrors().All<ImageQualityResult>().ToList();
        Assert.Equal(2, measured.Count);
        Assert.Equal(Path.Combine(colour, "p.png"), measured.Single(m => m.Path.EndsWith("p.jpg")).ReferencePath);

        var estimates = session.Run("Get-JpegQuality -Path out/q20/*.jpg, out/ref/p.png");
        Assert.Equal([20, 20, null], estimates.All<JpegQualityInfo>().Select(e => e.Quality));
        Assert.Single(estimates.Warnings);
    }

    [Fact]
    public void New_DegradedImage_honours_WhatIf_and_skips_existing_files_without_Force()
    {
        using var session = new ModuleSession(_temp.Path);
        session.Run("New-DegradedImage -Path ref/a.png -Quality 50 -OutputDirectory out -WhatIf").AssertNoErrors();
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "out")));

        session.Run("New-DegradedImage -Path ref/a.png -Degradation 'webp:40' -OutputDirectory out").AssertNoErrors();
        var target = Path.Combine(_temp.Path, "out", "a.webp");
        var written = File.GetLastWriteTimeUtc(target);
        File.SetLastWriteTimeUtc(target, written.AddHours(-1));
        var again = session.Run("New-DegradedImage -Path ref/a.png -Degradation 'webp:40' -OutputDirectory out").AssertNoErrors();
        var skipped = again.Single<DegradedImageResult>(); // skipped like Invoke-ArtifactRestore's outputs: a result, no warning
        Assert.Equal(DegradedImageStatus.Skipped, skipped.Status);
        Assert.Equal(target, skipped.Path);
        Assert.Empty(again.Warnings);
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(target));
        session.Run("New-DegradedImage -Path ref/a.png -Degradation 'webp:40' -OutputDirectory out -Force").AssertNoErrors();
        Assert.NotEqual(written.AddHours(-1), File.GetLastWriteTimeUtc(target));

        var bad = session.Run("New-DegradedImage -Path ref/a.png -Degradation 'jpeg:200' -OutputDirectory out");
        Assert.Contains("1..100", Assert.Single(bad.Errors).Exception.Message);
    }
}

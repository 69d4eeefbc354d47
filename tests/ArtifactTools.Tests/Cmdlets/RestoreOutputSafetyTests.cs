using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>The batch-safety promises of Invoke-ArtifactRestore: no input or user file is ever overwritten (not even
/// with -Force), no file is silently skipped, and re-runs neither redo work nor restore their own outputs. The hosted
/// engine has no Get-ChildItem, so file sets come from [IO.DirectoryInfo]; tests/*.Tests.ps1 run the same in pwsh.</summary>
public sealed class RestoreOutputSafetyTests
{
    const string FullId = ",ArtifactTools.PowerShell.Cmdlets.InvokeArtifactRestoreCommand";

    static string Fingerprint(string folder) => string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(f => $"{Path.GetRelativePath(folder, f)} {RestoreFixtures.Hash(f)}"));

    [Fact]
    public void Force_never_restores_a_jpeg_into_the_original_beside_it()
    {
        using var dir = new RestoreWorkspace();
        var photos = dir.Sub("photos");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32), Path.Combine(photos, "photo.png"), ImageEncoding.Png);
        ImageCodec.Write(ImageCodec.Read(Path.Combine(photos, "photo.png")), Path.Combine(photos, "photo.jpg"), ImageEncoding.Jpeg(20));
        var originals = new[] { "photo.png", "photo.jpg" }.ToDictionary(n => n, n => RestoreFixtures.Hash(Path.Combine(photos, n)));
        using var session = dir.OpenSession(photos);

        for (int run = 0; run < 3; run++)
        {
            var result = session.Run("[IO.DirectoryInfo]::new($pwd.Path).GetFiles('photo.*') | Invoke-ArtifactRestore -Model $model -Force");
            var error = Assert.Single(result.Errors);
            Assert.Equal("OutputIsInput" + FullId, error.FullyQualifiedErrorId);
            Assert.Contains("photo.jpg", error.Exception.Message);
            var restored = Assert.Single(result.All<RestoreResult>(), r => r.Status == RestoreStatus.Restored);
            Assert.Equal(Path.Combine(photos, "photo.restored.png"), restored.Path);
            Assert.All(originals, kv => Assert.Equal(kv.Value, RestoreFixtures.Hash(Path.Combine(photos, kv.Key))));
            Assert.Equal(["photo.jpg", "photo.png", "photo.restored.png"], Directory.GetFiles(photos).Select(Path.GetFileName).Order());
            if (run > 0) // the earlier output is now an input too: skipped as ours, never restored again
                Assert.Contains(result.All<RestoreResult>(), r => r.Status == RestoreStatus.Skipped && r.Reason!.Contains("ArtifactTools output"));
        }
    }

    [Fact]
    public void An_output_folder_that_links_to_the_input_folder_never_overwrites_an_input()
    {
        using var dir = new RestoreWorkspace();
        var inputs = dir.Sub("in");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32), Path.Combine(inputs, "a.jpg"), ImageEncoding.Jpeg(20));
        var hash = RestoreFixtures.Hash(Path.Combine(inputs, "a.jpg"));
        Directory.CreateSymbolicLink(dir.File("link"), inputs);
        using var session = dir.OpenSession(inputs);

        var result = session.Run("Invoke-ArtifactRestore a.jpg -Model $model -OutputDirectory ../link -Format SameAsInput -Force")
            .AssertNoErrors().Single<RestoreResult>();

        Assert.Equal(hash, RestoreFixtures.Hash(Path.Combine(inputs, "a.jpg")));
        Assert.Equal("a.restored.jpg", Path.GetFileName(result.Path));
    }

    [Fact]
    public void A_recursive_file_set_is_mirrored_under_the_output_folder()
    {
        using var dir = new RestoreWorkspace();
        foreach (var (year, seed) in new[] { ("2023", 1), ("2024", 2) })
            ImageCodec.Write(SyntheticImages.PatternGray(40, 32, seed), Path.Combine(dir.Sub(Path.Combine("tree", year)), "a.jpg"), ImageEncoding.Jpeg(20));
        using var session = dir.OpenSession();

        var inferred = session.Run("[IO.DirectoryInfo]::new(\"$pwd/tree\").GetFiles('*.jpg', 'AllDirectories') | Invoke-ArtifactRestore -Model $model -OutputDirectory out").AssertNoErrors();
        Assert.Equal([Path.Combine("out", "2023", "a.png"), Path.Combine("out", "2024", "a.png")],
            inferred.All<RestoreResult>().Select(r => Path.GetRelativePath(dir.Path, r.Path)));
        Assert.Contains("-SourceRoot", Assert.Single(inferred.Warnings).Message);

        // The tree gets a new folder; with -SourceRoot the layout holds however few folders a run sees.
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, 3), Path.Combine(dir.Sub(Path.Combine("tree", "2025")), "a.jpg"), ImageEncoding.Jpeg(20));
        var rerun = session.Run("[IO.DirectoryInfo]::new(\"$pwd/tree/2025\").GetFiles('*.jpg', 'AllDirectories') | Invoke-ArtifactRestore -Model $model -OutputDirectory out -SourceRoot tree").AssertNoErrors();
        Assert.Empty(rerun.Warnings);
        Assert.Equal(Path.Combine("out", "2025", "a.png"), Path.GetRelativePath(dir.Path, rerun.Single<RestoreResult>().Path));

        var outside = session.Run("Invoke-ArtifactRestore tree/2023/a.jpg -Model $model -OutputDirectory out -SourceRoot tree/2024");
        Assert.Equal("OutsideSourceRoot" + FullId, Assert.Single(outside.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Two_inputs_with_one_output_name_give_an_error_never_a_silent_skip()
    {
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, 1), dir.File("photo.jpg"), ImageEncoding.Jpeg(20));
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32, 2), dir.File("photo.jpeg"), ImageEncoding.Jpeg(20));
        using var session = dir.OpenSession();

        var first = session.Run("Invoke-ArtifactRestore photo.jpeg, photo.jpg -Model $model");
        Assert.Equal(dir.File("photo.jpeg"), first.Single<RestoreResult>().SourcePath);
        var collision = Assert.Single(first.Errors);
        Assert.Equal("OutputCollision" + FullId, collision.FullyQualifiedErrorId);
        Assert.Contains("photo.jpeg", collision.Exception.Message);

        var rerun = session.Run("Invoke-ArtifactRestore photo.jpeg, photo.jpg -Model $model -Force");
        Assert.Equal("OutputCollision" + FullId, Assert.Single(rerun.Errors).FullyQualifiedErrorId); // still said, run after run
        Assert.Equal(dir.File("photo.jpeg"), rerun.Single<RestoreResult>().SourcePath);
    }

    [Fact]
    public void Reruns_skip_finished_inputs_and_their_own_outputs_saying_why()
    {
        using var dir = new RestoreWorkspace();
        var photos = dir.Sub("photos");
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32), Path.Combine(photos, "a.jpg"), ImageEncoding.Jpeg(20));
        using var session = dir.OpenSession(photos);

        var first = session.Run("[IO.DirectoryInfo]::new($pwd.Path).GetFiles('*', 'AllDirectories') | Invoke-ArtifactRestore -Model $model").AssertNoErrors();
        Assert.Equal(RestoreStatus.Restored, first.Single<RestoreResult>().Status);
        var afterFirst = Fingerprint(photos);
        for (int run = 0; run < 2; run++)
        {
            var again = session.Run("[IO.DirectoryInfo]::new($pwd.Path).GetFiles('*', 'AllDirectories') | Invoke-ArtifactRestore -Model $model").AssertNoErrors()
                .All<RestoreResult>().ToList();
            Assert.All(again, r => Assert.Equal(RestoreStatus.Skipped, r.Status));
            var reasons = again.ToDictionary(r => Path.GetFileName(r.SourcePath), r => r.Reason!);
            Assert.StartsWith("already restored from this input", reasons["a.jpg"]);
            Assert.StartsWith("it is an ArtifactTools output", reasons["a.png"]);
            Assert.Equal(afterFirst, Fingerprint(photos));
        }
        Assert.Equal(["a.jpg", "a.png"], Directory.GetFiles(photos).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_user_file_at_the_output_place_is_never_overwritten_even_with_Force()
    {
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32), dir.File("a.jpg"), ImageEncoding.Jpeg(20));
        var mine = dir.Sub("out");
        File.WriteAllText(Path.Combine(mine, "a.png"), "my own notes, not an image");
        using var session = dir.OpenSession();

        var result = session.Run("Invoke-ArtifactRestore a.jpg -Model $model -OutputDirectory out -Force");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("OutputExists" + FullId, error.FullyQualifiedErrorId);
        Assert.Equal("my own notes, not an image", File.ReadAllText(Path.Combine(mine, "a.png")));
    }

    [Fact]
    public void An_unwritable_output_folder_stops_the_run_before_any_restore_and_Suffix_stays_in_the_folder()
    {
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32), dir.File("a.jpg"), ImageEncoding.Jpeg(20));
        File.WriteAllText(dir.File("not-a-folder"), "a file where the output folder should go");
        using var session = dir.OpenSession();

        var blocked = session.Run("Invoke-ArtifactRestore a.jpg -Model $model -OutputDirectory not-a-folder/out");
        Assert.Equal("OutputNotWritable" + FullId, Assert.Single(blocked.Errors).FullyQualifiedErrorId);
        Assert.Contains("not-a-folder", blocked.Errors[0].Exception.Message);
        Assert.Empty(blocked.Output);

        var escaping = session.Run("Invoke-ArtifactRestore a.jpg -Model $model -Suffix '/../../x'");
        Assert.Equal("InvalidSuffix" + FullId, Assert.Single(escaping.Errors).FullyQualifiedErrorId);
        Assert.Equal(["a.jpg", "not-a-folder", "tiny.safetensors"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Progress_says_file_i_of_n()
    {
        using var dir = new RestoreWorkspace();
        for (int i = 1; i <= 3; i++) ImageCodec.Write(SyntheticImages.PatternGray(40, 32, i), dir.File($"{i}.jpg"), ImageEncoding.Jpeg(20));
        using var session = dir.OpenSession();

        var result = session.Run("Invoke-ArtifactRestore *.jpg -Model $model").AssertNoErrors();

        var descriptions = result.Progress.Select(p => p.StatusDescription).Distinct().ToList();
        Assert.Contains("1.jpg (file 1 of 3)", descriptions);
        Assert.Contains("3.jpg (file 3 of 3)", descriptions);
    }

    [Fact]
    public void Format_takes_extensions_as_users_type_them()
    {
        using var dir = new RestoreWorkspace();
        ImageCodec.Write(SyntheticImages.PatternGray(40, 32), dir.File("a.png"), ImageEncoding.Png);
        using var session = dir.OpenSession();

        var results = session.Run("'jpg', 'tif', 'WebP' | ForEach-Object { Invoke-ArtifactRestore a.png -Model $model -Format $_ }")
            .AssertNoErrors().All<RestoreResult>().Select(r => Path.GetFileName(r.Path));
        Assert.Equal(["a.jpg", "a.tif", "a.webp"], results);
        var bad = session.Run("Invoke-ArtifactRestore a.png -Model $model -Format gif");
        Assert.Contains("Png", Assert.Single(bad.Errors).Exception.Message); // the binder lists the valid names
    }

    [Theory]
    [InlineData(ImageFileFormat.Png)]
    [InlineData(ImageFileFormat.Jpeg)]
    [InlineData(ImageFileFormat.WebP)]
    [InlineData(ImageFileFormat.Tiff)]
    public void Every_stampable_format_carries_the_stamp(ImageFileFormat format)
    {
        using var dir = new TempDirectory();
        var path = dir.File("x" + ImageEncoding.ExtensionOf(format));
        var stamp = new OutputStamp("../in/ä b%.jpg", "l8-q10");
        ImageCodec.Write(SyntheticImages.PatternRgb(40, 32), path, new ImageEncoding(format, Comment: stamp.ToText()));

        Assert.Equal(stamp, OutputStamp.Read(path));
        Assert.Null(OutputStamp.Read(dir.File("missing.png")));
    }
}

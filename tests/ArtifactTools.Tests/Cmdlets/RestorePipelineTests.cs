using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>The overlapped batch (decode next and encode previous while restoring) against the sequential loop.</summary>
public sealed class RestorePipelineTests
{
    const string Records = """
        Invoke-ArtifactRestore -Path $in -Model $model -OutputDirectory $out @extra 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error {0} {1}' -f $_.FullyQualifiedErrorId.Split(',')[0], [IO.Path]::GetFileName([string]$_.TargetObject) }
            else { '{0} {1}' -f $_.Status, [IO.Path]::GetFileName($_.SourcePath) } }
        """;

    [Fact]
    public void Overlapped_batch_writes_the_same_files_and_records_in_the_same_order_as_the_sequential_one()
    {
        using var dir = new RestoreWorkspace();
        var inputs = dir.Sub("in");
        for (int i = 0; i < 5; i++)
            ImageCodec.Write(SyntheticImages.PatternGray(48 + 8 * i, 40, seed: i), Path.Combine(inputs, $"p{i}.jpg"), ImageEncoding.Jpeg(20));
        File.WriteAllText(Path.Combine(inputs, "p2b.jpg"), "not an image");
        ImageCodec.Write(SyntheticImages.PatternRgb(50, 30), Path.Combine(inputs, "p3b.png"), ImageEncoding.Png);

        var runs = new Dictionary<string, List<string>>();
        foreach (var (name, extra) in new[] { ("sequential", new[] { "-Sequential" }), ("overlapped", Array.Empty<string>()) })
        {
            var output = dir.Sub(name);
            File.WriteAllText(Path.Combine(output, "p1.png"), "a user's file"); // OutputExists, never overwritten
            using var session = dir.OpenSession();
            var run = session.Run("$extra = @{}; foreach ($s in $switches) { $extra[$s.TrimStart('-')] = $true }; " + Records,
                new Dictionary<string, object?> { ["in"] = Path.Combine(inputs, "*"), ["out"] = output, ["switches"] = extra });
            run.Errors.ForEach(e => Assert.Fail(e.ToString()));
            runs[name] = run.Output.Select(o => o.ToString()).ToList();
        }

        Assert.Equal(
        [
            "Restored p0.jpg", "error OutputExists p1.jpg", "Restored p2.jpg", "error InvalidImage p2b.jpg", "Restored p3.jpg",
            "Restored p3b.png", "Restored p4.jpg",
        ], runs["sequential"]);
        Assert.Equal(runs["sequential"], runs["overlapped"]);
        var files = Directory.GetFiles(dir.File("sequential")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(dir.File("overlapped")).Select(Path.GetFileName).Order());
        foreach (var file in files)
            Assert.Equal(RestoreFixtures.Hash(Path.Combine(dir.File("sequential"), file!)), RestoreFixtures.Hash(Path.Combine(dir.File("overlapped"), file!)));
        Assert.Equal("a user's file", File.ReadAllText(Path.Combine(dir.File("overlapped"), "p1.png")));
    }

    [Fact]
    public void Precision_binds_and_BFloat16_output_is_within_a_grey_level_or_two()
    {
        using var dir = new TempDirectory();
        var input = dir.File("photo.png");
        ImageCodec.Write(SyntheticImages.NaturalGray(96, 80, seed: 5), input, ImageEncoding.Png);
        using var session = new ModuleSession(dir.Path);
        foreach (var precision in new[] { "Float32", "BFloat16" })
            session.Run($"Invoke-ArtifactRestore -LiteralPath $in -Model arcnn-q10 -Precision {precision} -OutputDirectory {precision}",
                new Dictionary<string, object?> { ["in"] = input }).AssertNoErrors();
        var exact = ImageCodec.Read(dir.File("Float32/photo.png")).Channels[0];
        var reduced = ImageCodec.Read(dir.File("BFloat16/photo.png")).Channels[0];
        Assert.True(SyntheticImages.MaxAbsDifference(exact, reduced) <= 2);

        var wrong = session.Run("Invoke-ArtifactRestore -LiteralPath $in -Precision Half -OutputDirectory x", new Dictionary<string, object?> { ["in"] = input });
        Assert.StartsWith("CannotConvertArgumentNoMessage", Assert.Single(wrong.Errors).FullyQualifiedErrorId);
    }
}

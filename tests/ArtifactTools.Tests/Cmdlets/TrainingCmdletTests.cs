using ArtifactTools.Training;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Start-ArtifactTraining as a user calls it: files from the pipeline or a folder, typed result, safety.</summary>
public sealed class TrainingCmdletTests : IDisposable
{
    readonly TempDirectory _temp = new();
    readonly ModuleSession _session;
    readonly Dictionary<string, object?> _vars;

    public TrainingCmdletTests()
    {
        SyntheticImages.WriteSet(_temp.Sub("train"), 3, 64, 64, seed: 3);
        SyntheticImages.WriteSet(_temp.Sub("val"), 1, 48, 40, seed: 9);
        _session = new ModuleSession(_temp.Path);
        _vars = new() { ["dir"] = _temp.Path, ["cache"] = _temp.Sub("cache") };
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", _temp.Path); // keep prepared pairs inside the test folder
    }

    const string Tiny = "-Quality 20 -Iterations 4 -BatchSize 2 -PatchSize 32 -ValidateEvery 2 -Seed 1";

    [Fact]
    public void Trains_from_piped_files_and_returns_a_typed_result_with_log_curve_and_model()
    {
        var result = _session.Run($"[IO.DirectoryInfo]::new(\"$dir/train\").GetFiles('*.png') | Start-ArtifactTraining -Architecture SRCNN -ValidationPath \"$dir/val\" -OutputPath m.safetensors {Tiny}", _vars)
            .AssertNoErrors().Single<TrainingResult>();

        Assert.Equal(4, result.Iterations);
        Assert.Equal(Path.Combine(_temp.Path, "m.safetensors"), result.ModelPath);
        Assert.True(File.Exists(result.ModelPath) && File.Exists(result.LogPath) && File.Exists(result.CurvePath));
        Assert.True(double.IsFinite(result.ValidationPSNR) && double.IsFinite(result.BaselinePSNR));
        Assert.Equal("jpeg:20", result.Degradation);
        var model = _session.Run("Get-ArtifactModel -Path m.safetensors").AssertNoErrors().Output.Single();
        Assert.Equal("fast", model.Properties["Recipe"].Value);
    }

    [Fact]
    public void WhatIf_writes_nothing_and_an_existing_model_needs_Force_or_Resume()
    {
        _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath w.safetensors {Tiny} -WhatIf", _vars).AssertNoErrors();
        Assert.False(File.Exists(_temp.File("w.safetensors")));

        File.WriteAllText(_temp.File("taken.safetensors"), "precious");
        var refused = _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath taken.safetensors {Tiny}", _vars);
        Assert.Contains(refused.Errors, e => e.FullyQualifiedErrorId.StartsWith("ModelExists"));
        Assert.Equal("precious", File.ReadAllText(_temp.File("taken.safetensors")));
    }

    [Fact]
    public void Resume_continues_a_finished_run_to_more_iterations()
    {
        _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath r.safetensors {Tiny}", _vars).AssertNoErrors();
        var resumed = _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath r.safetensors {Tiny.Replace("-Iterations 4", "-Iterations 6")} -Resume", _vars)
            .AssertNoErrors().Single<TrainingResult>();
        Assert.Equal(6, resumed.Iterations);
        Assert.Equal(6, TrainingLog.Read(resumed.LogPath).Count);
    }

    [Fact]
    public void RandomOrientation_turns_the_drawn_patches_so_the_same_seed_trains_on_other_batches()
    {
        double FirstLoss(string name, string extra) => TrainingLog.Read(_session.Run(
            $"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath {name}.safetensors {Tiny} {extra}", _vars)
            .AssertNoErrors().Single<TrainingResult>().LogPath)[0].Loss;

        double plain = FirstLoss("plain", ""), again = FirstLoss("again", ""), turned = FirstLoss("turned", "-RandomOrientation");
        Assert.Equal(plain, again); // same seed, same batch: a difference below is the switch's
        Assert.NotEqual(plain, turned);
    }

    [Fact]
    public void Bad_architecture_and_missing_degradation_are_clear_errors()
    {
        var bad = _session.Run("Start-ArtifactTraining -Architecture '64(9)-oops' -TrainingPath \"$dir/train\" -Quality 10 -OutputPath b.safetensors", _vars);
        Assert.NotEmpty(bad.Errors);
        Assert.Contains("oops", bad.Errors[0].Exception.Message);
        var noDegradation = _session.Run("Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath b.safetensors", _vars);
        Assert.Contains("-Quality", noDegradation.Errors.Single().Exception.Message);
    }

    [Fact]
    public void Output_folder_missing_checkpoint_and_unknown_base_model_are_refused_before_any_data_is_prepared()
    {
        var folder = _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath \"$dir/train\" {Tiny}", _vars);
        Assert.Equal("OutputIsFolder", Assert.Single(folder.Errors).FullyQualifiedErrorId.Split(',')[0]);

        var noCheckpoint = _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath fresh.safetensors {Tiny} -Resume", _vars);
        var error = Assert.Single(noCheckpoint.Errors);
        Assert.Equal("NoCheckpoint", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("fresh.safetensors.checkpoint", error.Exception.Message);

        var unknownBase = _session.Run($"Start-ArtifactTraining -Architecture SRCNN -TrainingPath \"$dir/train\" -OutputPath t.safetensors {Tiny} -InitializeFrom no-such-model", _vars);
        Assert.Equal("ModelNotFound", Assert.Single(unknownBase.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.False(Directory.Exists(_temp.File(Path.Combine("ArtifactTools", "training"))), "no training data was prepared");
    }

    [Fact]
    public void InitializeFrom_takes_a_model_name_and_a_run_that_ends_worse_than_its_input_warns()
    {
        // A shipped model by name as the base; one iteration at a huge learning rate ends worse than the JPEGs.
        var result = _session.Run($"Start-ArtifactTraining -Architecture ARCNN -TrainingPath \"$dir/train\" -ValidationPath \"$dir/val\" -OutputPath worse.safetensors " +
            "-Quality 10 -Iterations 2 -BatchSize 2 -PatchSize 32 -ValidateEvery 2 -Seed 1 -InitializeFrom arcnn-q10 -TransferLayer 1 -LearningRate 5", _vars);
        var trained = result.AssertNoErrors().Single<TrainingResult>();
        Assert.True(trained.IPSNR < 0, $"expected a worse model, got IPSNR {trained.IPSNR}");
        Assert.Contains(result.Warnings, w => w.Message.Contains("worse than their degraded input"));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
        _session.Dispose();
        _temp.Dispose();
    }
}

using ArtifactTools.Models;
using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Restoration;

/// <summary>bfloat16 restores (a bfloat16 body, float32 last layer and residual) stay within a fraction of a grey level
/// of float32 with the shipped weights, on a plain chain and on a residual network with skip concatenations.</summary>
public sealed class ReducedPrecisionTests
{
    [Theory]
    [InlineData("arcnn-q10")]
    [InlineData("l8-q10")]
    [InlineData("fastarcnn-q10")]
    public void BFloat16_restore_stays_within_a_quarter_grey_level_RMS_of_float32(string name)
    {
        using var model = ModelFile.Load(ModelCatalog.Default().Find(name)!.Path);
        using var restorer = new Restorer(model);
        Assert.True(restorer.SupportsBFloat16);
        var input = SyntheticImages.NaturalPlane(150, 120, seed: 3);
        var exact = restorer.RestoreLuma(input, new RestoreOptions { Precision = InferencePrecision.Float32 });
        var reduced = restorer.RestoreLuma(input, new RestoreOptions { Precision = InferencePrecision.BFloat16 });

        double squares = 0;
        for (int i = 0; i < exact.Data.Length; i++) squares += Math.Pow(exact.Data[i] - reduced.Data[i], 2);
        double rms = Math.Sqrt(squares / exact.Data.Length);
        Assert.InRange(rms, 1e-4, 0.25); // not the float32 network by mistake, and close to it
        Assert.True(SyntheticImages.MaxAbsDifference(exact, reduced) < 2.5);
    }

    [Fact]
    public void Auto_is_float32_until_this_machine_has_measured_otherwise()
    {
        using var model = ModelFile.Load(ModelCatalog.Default().Find("arcnn-q10")!.Path);
        using var restorer = new Restorer(model);
        Assert.Equal(restorer.Tuning?.Precision ?? InferencePrecision.Float32, restorer.PrecisionFor(InferencePrecision.Auto));
        Assert.Equal(InferencePrecision.BFloat16, restorer.PrecisionFor(InferencePrecision.BFloat16));
    }

    [Fact]
    public void Calibration_candidates_include_the_cache_sized_rule_and_grow()
    {
        using var model = ModelFile.Load(ModelCatalog.Default().Find("arcnn-q10")!.Path);
        using var restorer = new Restorer(model);
        var tiles = InferenceCalibration.CandidateTiles(model.Network, restorer.DefaultMargin);
        Assert.Contains(restorer.RuleTileSize(), tiles);
        Assert.Equal(tiles.Order(), tiles);
        Assert.True(tiles.Count >= 3);
    }
}

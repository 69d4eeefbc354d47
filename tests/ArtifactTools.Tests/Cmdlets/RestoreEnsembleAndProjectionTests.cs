using ArtifactTools.Models;
using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Invoke-ArtifactRestore's -Ensemble and -NoProjection switches reach the restorer: each output equals the
/// Core restore with the matching options, and the settings give different images.</summary>
public sealed class RestoreEnsembleAndProjectionTests
{
    [Fact]
    public void Projection_is_on_for_JPEG_input_unless_NoProjection_and_Ensemble_is_opt_in()
    {
        using var dir = new RestoreWorkspace("jpeg:10");
        var jpegPath = dir.File("photo.jpg");
        var jpeg = ImageCodec.Encode(RasterImage.Gray(SyntheticImages.Scene(72, 56, 4)), ImageEncoding.Jpeg(10));
        File.WriteAllBytes(jpegPath, jpeg);

        using var session = dir.OpenSession();
        var switches = new Dictionary<string, string>
        {
            ["default"] = "", ["noprojection"] = "-NoProjection", ["ensemble"] = "-Ensemble", ["ensemble-noprojection"] = "-Ensemble -NoProjection:$true",
        };
        foreach (var (name, arguments) in switches)
            session.Run($"Invoke-ArtifactRestore -LiteralPath photo.jpg -Model $model -OutputDirectory {name} {arguments}").AssertNoErrors();

        var decoded = ImageCodec.Decode(jpeg);
        var constraint = QuantizationConstraint.FromJpeg(jpeg)!;
        using var restorer = new Restorer(ModelFile.Load(dir.Model), ownsModel: true);
        var expected = new Dictionary<string, RestoreOptions>
        {
            ["default"] = new() { QuantizationConstraint = constraint },
            ["noprojection"] = new(),
            ["ensemble"] = new() { QuantizationConstraint = constraint, Ensemble = true },
            ["ensemble-noprojection"] = new() { Ensemble = true },
        };
        var outputs = new Dictionary<string, Plane>();
        foreach (var (name, options) in expected)
        {
            outputs[name] = ImageCodec.Read(dir.File($"{name}/photo.png")).Channels[0];
            var core = restorer.Restore(decoded, options).Channels[0].Quantized();
            Assert.True(SyntheticImages.MaxAbsDifference(core, outputs[name]) <= 1, $"{name}: cmdlet and Core differ by {SyntheticImages.MaxAbsDifference(core, outputs[name])}");
        }
        Assert.True(SyntheticImages.MaxAbsDifference(outputs["default"], outputs["noprojection"]) > 2);
        Assert.True(SyntheticImages.MaxAbsDifference(outputs["default"], outputs["ensemble"]) > 2);
        Assert.True(SyntheticImages.MaxAbsDifference(outputs["ensemble"], outputs["ensemble-noprojection"]) > 2);
    }

    [Fact]
    public void The_switches_are_declared_as_switches()
    {
        using var session = new ModuleSession();
        var types = session.Run("(Get-Command Invoke-ArtifactRestore).Parameters['Ensemble', 'NoProjection'].ParameterType.Name")
            .AssertNoErrors().All<string>().ToList();
        Assert.Equal(["SwitchParameter", "SwitchParameter"], types);
    }
}

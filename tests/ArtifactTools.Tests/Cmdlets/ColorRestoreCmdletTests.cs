using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Restoration;
using ArtifactTools.Tests.Support;
using Xunit;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>Invoke-ArtifactRestore's colour choice, with a temp shipped-models folder (process-wide environment, so in
/// the catalog's collection).</summary>
[Collection(nameof(ModelCatalogEnvironment))]
public sealed class ColorRestoreCmdletTests
{
    [Fact]
    public void Colour_JPEGs_get_the_colour_model_for_their_quality_and_sampling_gray_stays_gray_and_ColorMode_binds()
    {
        using var dir = new TempDirectory();
        var shipped = dir.Sub("shipped");
        RestoreFixtures.SaveModel(Path.Combine(shipped, "t-q10.safetensors"), "jpeg:10");
        RestoreFixtures.SaveModel(Path.Combine(shipped, "t-blind.safetensors"), "jpeg:5-95");
        RestoreFixtures.SaveColorModel(Path.Combine(shipped, "c-420.safetensors"), "jpeg:8-32");
        var inputs = dir.Sub("in");
        var colour = SyntheticImages.NaturalRgb(40, 32, 2);
        File.WriteAllBytes(Path.Combine(inputs, "c420.jpg"), new JpegDegradation(10).Compress(colour).Bytes);
        File.WriteAllBytes(Path.Combine(inputs, "c444.jpg"), new JpegDegradation(10) { Sampling = ChromaSampling.Yuv444 }.Compress(colour).Bytes);
        File.WriteAllBytes(Path.Combine(inputs, "c420q90.jpg"), new JpegDegradation(90).Compress(colour).Bytes);
        File.WriteAllBytes(Path.Combine(inputs, "gray.jpg"), new JpegDegradation(10).Compress(SyntheticImages.NaturalGray(40, 32, 4)).Bytes);
        ImageCodec.Write(colour, Path.Combine(inputs, "plain.png"), ImageEncoding.Png);

        var old = Environment.GetEnvironmentVariable(ModelCatalog.ShippedPathVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelCatalog.ShippedPathVariable, shipped);
            using var session = new ModuleSession(inputs);
            string Models(string script) => string.Join(" ", session.Run(script).AssertNoErrors().All<RestoreResult>()
                .OrderBy(r => r.SourcePath, StringComparer.Ordinal).Select(r => $"{Path.GetFileName(r.SourcePath)}:{r.Model}"));

            // Default: only the 4:2:0 colour JPEG within the colour model's qualities gets it; 4:4:4 has no model, q90 is
            // too far from 8-32, gray stays gray, a PNG keeps its colour; and the luma model never picks the colour one.
            Assert.Equal("c420.jpg:t-q10+c-420 c420q90.jpg:t-blind c444.jpg:t-q10 gray.jpg:t-q10 plain.png:t-blind",
                Models("Invoke-ArtifactRestore -Path *.jpg, *.png -OutputDirectory auto"));
            Assert.Equal("c420.jpg:t-q10 c420q90.jpg:t-blind c444.jpg:t-q10 gray.jpg:t-q10 plain.png:t-blind",
                Models("Invoke-ArtifactRestore -Path *.jpg, *.png -OutputDirectory luma -ColorMode Y"));

            var forced = session.Run("Invoke-ArtifactRestore -Path c420.jpg, plain.png, c444.jpg, gray.jpg -OutputDirectory forced -ColorMode YCbCr");
            Assert.Equal("c420.jpg:t-q10+c-420 gray.jpg:t-q10 plain.png:t-blind+c-420", string.Join(" ", forced.All<RestoreResult>()
                .OrderBy(r => r.SourcePath, StringComparer.Ordinal).Select(r => $"{Path.GetFileName(r.SourcePath)}:{r.Model}")));
            Assert.Contains("4:4:4", Assert.Single(forced.Errors).Exception.Message);

            var named = session.Run("Invoke-ArtifactRestore -LiteralPath c444.jpg -Model c-420 -OutputDirectory named").AssertNoErrors().Single<RestoreResult>();
            Assert.Equal("t-q10+c-420", named.Model);

            var restored = ImageCodec.Read(Path.Combine(inputs, "auto", "c420.png"));
            Assert.Equal((ColorModel.Rgb, 40, 32), (restored.ColorModel, restored.Width, restored.Height));
            Assert.Equal(ColorModel.Gray, ImageCodec.Read(Path.Combine(inputs, "auto", "gray.png")).ColorModel);
            var binding = session.Run("Invoke-ArtifactRestore -LiteralPath c420.jpg -ColorMode Cmyk -OutputDirectory bad");
            Assert.Contains("Cmyk", Assert.Single(binding.Errors).Exception.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelCatalog.ShippedPathVariable, old);
        }
    }
}

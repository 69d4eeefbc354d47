using ArtifactTools.Degradation;
using ArtifactTools.Models;
using ArtifactTools.Training;

namespace ArtifactTools.Tests.Training;

public sealed class ColorTrainingTests : IDisposable
{
    readonly TempDirectory _temp = new();

    /// <summary>One colour photograph to train on (a repository sample) and a crop of it to validate: the chroma network
    /// learns slowly from scratch (about +0.1 dB RGB after 150 small steps on one image), too slowly for a test to
    /// show a gain on unseen images, so this checks that training drives the metric up, not that it generalises.</summary>
    (IReadOnlyList<string> Train, IReadOnlyList<string> Validation) SamplePhotos()
    {
        var flower = Path.Combine(RepositoryPaths.Data, "photos", "flower.png");
        var validation = _temp.File("flower-crop.png");
        if (!File.Exists(validation))
        {
            var image = ImageCodec.Read(flower);
            var crop = image.Channels.Select(c =>
            {
                var p = new Plane(160, 128);
                for (int y = 0; y < 128; y++)
                    for (int x = 0; x < 160; x++) p[x, y] = c[200 + x, 120 + y];
                return p;
            }).ToArray();
            ImageCodec.Write(RasterImage.Rgb(crop[0], crop[1], crop[2]), validation, ImageEncoding.Png);
        }
        return ([flower], [validation]);
    }

    TrainingOptions Options(string name, int iterations) => new()
    {
        Architecture = "ChromaNet-w16",
        ColorMode = ColorMode.YCbCr,
        TrainingFiles = SamplePhotos().Train,
        ValidationFiles = SamplePhotos().Validation,
        Degradation = Degradations.Parse("jpeg:10"),
        Recipe = TrainingRecipes.Chroma with { BatchSize = 8, PatchSize = 48, LearningRate = 3e-4 },
        Iterations = iterations,
        OutputPath = _temp.File(name + ".safetensors"),
        ValidateEvery = iterations / 3,
        CheckpointEvery = 0,
        Seed = 3,
        CacheDirectory = _temp.Sub("cache"),
    };

    [Fact]
    public void A_short_colour_run_raises_validation_rgb_psnr_and_writes_a_colour_model()
    {
        var result = new Trainer(Options("colour", 150) with { Threads = 1 }).Run();

        var curve = TrainingLog.Read(result.LogPath).Where(e => e.ValidationPsnr is not null).Select(e => e.ValidationPsnr!.Value).ToList();
        Assert.Equal(3, curve.Count);
        Assert.True(curve[^1] > curve[0], "validation RGB PSNR did not rise: " + string.Join(", ", curve));
        Assert.True(result.ValidationPSNR > result.BaselinePSNR + 0.02,
            $"restored {result.ValidationPSNR:0.000} dB vs JPEG {result.BaselinePSNR:0.000} dB (RGB)");

        var metadata = ModelFile.ReadMetadata(result.ModelPath);
        Assert.Equal(("YCbCr", 3, "4:2:0", "ChromaNet-w16"), (metadata.ColorMode, metadata.Channels, metadata.ChromaSampling, metadata.Architecture));
        using var model = ModelFile.Load(result.ModelPath);
        Assert.Equal("ChromaNet-w16", model.Network.Spec);
    }

    [Fact]
    public void Colour_pairs_come_out_as_ycbcr_planes_of_the_right_shape_and_range()
    {
        var options = Options("pairs", 1);
        using var pairs = ColorPairs.Open(options.TrainingFiles, ColorTraining.Degradation(options), options.Recipe, 1, _temp.Sub("cache2"), 32);
        Assert.Equal(3, pairs.Channels);
        var degraded = new float[4 * 3 * 32 * 32];
        var clean = new float[degraded.Length];
        pairs.SampleBatch(new Random(1), 4, 32, degraded, clean);
        Assert.All(clean, v => Assert.InRange(v, 0f, 1f));
        // Y in 16..235 and chroma in 16..240 (MATLAB studio range) on the 0..1 scale.
        Assert.InRange(clean.Take(32 * 32).Max(), 16f / 255, 235.01f / 255);
        Assert.InRange(clean.Skip(32 * 32).Take(2 * 32 * 32).Min(), 15.99f / 255, 240.01f / 255);
        Assert.True(degraded.Zip(clean).Any(p => Math.Abs(p.First - p.Second) > 1f / 255), "degraded equals clean");
    }

    [Fact]
    public void The_colour_network_refuses_luma_training_and_the_default_mode_follows_the_architecture()
    {
        var options = Options("wrong", 1) with { ColorMode = ColorMode.Y };
        var error = Assert.Throws<ArgumentException>(() => new Trainer(options).Run());
        Assert.Contains("-ColorMode YCbCr", error.Message);
        Assert.Equal(ColorMode.YCbCr, ColorTraining.DefaultFor("ChromaNet"));
        Assert.Equal(ColorMode.Y, ColorTraining.DefaultFor("L8"));
        Assert.Equal(ChromaSampling.Yuv444, ((JpegDegradation)ColorTraining.Degradation(options with { ChromaSampling = ChromaSampling.Yuv444 })).Sampling);
    }

    public void Dispose() => _temp.Dispose();
}

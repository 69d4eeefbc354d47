using ArtifactTools.Degradation;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Training;
using TorchSharp;

namespace ArtifactTools.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    readonly TempDirectory _temp = new();
    readonly IReadOnlyList<string> _train, _validation;

    public TrainerTests()
    {
        _train = SyntheticImages.WriteSet(_temp.Sub("train"), 6, 96, 96, seed: 1);
        _validation = SyntheticImages.WriteSet(_temp.Sub("val"), 2, 80, 72, seed: 100);
    }

    /// <summary>Real photographs (the repository's freely licensed samples): three to train on, a crop of the fourth
    /// to validate on. Synthetic shapes are too easy to show a short run's gain.</summary>
    (IReadOnlyList<string> Train, IReadOnlyList<string> Validation) SamplePhotos()
    {
        var samples = Path.Combine(RepositoryPaths.Data, "photos");
        var train = new[] { "leaf.png", "meadow.png", "flower.png" }.Select(f => Path.Combine(samples, f)).ToList();
        var dune = ColorConversion.Luma(ImageCodec.Read(Path.Combine(samples, "dune.jpg")));
        var crop = new Plane(128, 128);
        for (int y = 0; y < 128; y++)
            for (int x = 0; x < 128; x++) crop[x, y] = dune[200 + x, 150 + y];
        var validation = _temp.File("dune-crop.png");
        ImageCodec.Write(RasterImage.Gray(crop), validation, ImageEncoding.Png);
        return (train, [validation]);
    }

    TrainingOptions Options(string name, int iterations, TrainingRecipe? recipe = null, string architecture = "L4") => new()
    {
        Architecture = architecture,
        TrainingFiles = _train,
        ValidationFiles = _validation,
        Degradation = Degradations.Parse("jpeg:10"),
        Recipe = recipe ?? TrainingRecipes.Fast with { BatchSize = 8, PatchSize = 32, LearningRate = 1e-3, Scales = [1.0] },
        Iterations = iterations,
        OutputPath = _temp.File(name + ".safetensors"),
        ValidateEvery = 0,
        CheckpointEvery = 0,
        Seed = 7,
        CacheDirectory = _temp.Sub("cache"),
    };

    [Fact]
    public void A_short_run_raises_validation_psnr_above_the_jpeg_input()
    {
        var (train, validation) = SamplePhotos();
        var options = Options("improves", 100) with
        {
            TrainingFiles = train, ValidationFiles = validation, ValidateEvery = 25,
            Recipe = TrainingRecipes.Fast with { BatchSize = 8, PatchSize = 32, Scales = [1.0], Rotations = false },
        };
        var result = new Trainer(options).Run();

        Assert.True(result.Completed);
        // L4 on q10 gains about 0.1 dB after 100 steps of 8 patches on these photos (60 steps gained nothing measurable here).
        Assert.True(result.ValidationPSNR > result.BaselinePSNR + 0.02,
            $"restored {result.ValidationPSNR:0.000} dB vs JPEG {result.BaselinePSNR:0.000} dB");
        var curve = TrainingLog.Read(result.LogPath).Where(e => e.ValidationPsnr is not null).Select(e => e.ValidationPsnr!.Value).ToList();
        Assert.Equal(4, curve.Count);
        Assert.True(curve[^1] > curve[0], "validation PSNR did not rise: " + string.Join(", ", curve));
        Assert.True(File.Exists(result.ModelPath) && File.Exists(result.LogPath) && File.Exists(result.CurvePath));
        Assert.Contains("<svg", File.ReadAllText(result.CurvePath));
        Assert.Equal(100, TrainingLog.Read(result.LogPath).Count);
    }

    [Fact]
    public void A_killed_and_resumed_run_equals_an_uninterrupted_one()
    {
        var straight = Options("straight", 10);
        new Trainer(straight).Run();

        var interrupted = Options("resumed", 10) with { CheckpointEvery = 4 };
        using (var stop = new CancellationTokenSource())
        {
            var first = new Trainer(interrupted);
            first.Progress += p => { if (p.Iteration == 6) stop.Cancel(); };
            var partial = first.Run(stop.Token);
            Assert.False(partial.Completed);
            Assert.Equal(6, partial.Iterations);
        }
        var resumed = new Trainer(interrupted with { Resume = true }).Run();
        Assert.Equal(10, resumed.Iterations);

        using var a = ModelFile.Load(straight.OutputPath);
        using var b = ModelFile.Load(interrupted.OutputPath);
        foreach (var (pa, pb) in a.Network.parameters().Zip(b.Network.parameters()))
            Assert.True(pa.allclose(pb, rtol: 1e-5, atol: 1e-7), "weights differ after resume");
        Assert.Equal(TrainingLog.Read(straight.LogPath).Select(e => e.Loss), TrainingLog.Read(interrupted.LogPath).Select(e => e.Loss));
    }

    [Fact]
    public void Transfer_copies_exact_layers_and_frozen_layers_do_not_change()
    {
        var baseOptions = Options("base", 3, architecture: "ARCNN");
        new Trainer(baseOptions).Run();

        var target = Options("deeper", 4, architecture: "DeeperARCNN") with
        {
            InitializeFrom = baseOptions.OutputPath, TransferLayers = ["1-2"], FreezeTransferred = true,
        };
        new Trainer(target).Run();

        using var source = ModelFile.Load(baseOptions.OutputPath);
        using var trained = ModelFile.Load(target.OutputPath);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(Same(source.Network.Layers[i].Weight, trained.Network.Layers[i].Weight), $"layer {i + 1} changed");
            Assert.True(Same(source.Network.Layers[i].Bias!, trained.Network.Layers[i].Bias!));
        }
        Assert.Equal("conv1,conv2", trained.Metadata.Extra["transferred_layers"]);
    }

    [Fact]
    public void Unfrozen_transfer_starts_from_the_base_and_then_moves()
    {
        var baseOptions = Options("base2", 3, architecture: "ARCNN");
        new Trainer(baseOptions).Run();
        var target = Options("finetuned", 3, architecture: "ARCNN") with { InitializeFrom = baseOptions.OutputPath, TransferLayers = ["1"] };
        new Trainer(target).Run();

        using var source = ModelFile.Load(baseOptions.OutputPath);
        using var trained = ModelFile.Load(target.OutputPath);
        Assert.False(Same(source.Network.Layers[0].Weight, trained.Network.Layers[0].Weight));
        var drift = (source.Network.Layers[0].Weight - trained.Network.Layers[0].Weight).abs().max().item<float>();
        Assert.True(drift < 0.05f, $"layer 1 moved {drift}, so it did not start from the base");
    }

    [Fact]
    public void Multi_scale_recipe_trains_cascnn_through_both_phases()
    {
        var recipe = TrainingRecipes.CasCnnPaper with { BatchSize = 2, PatchSize = 32, LearningRate = 1e-4, FineTuneFraction = 0.5 };
        var options = Options("cas", 4, recipe, "CASCNN");
        var result = new Trainer(options).Run();
        var phases = TrainingLog.Read(result.LogPath).Select(e => e.Phase).ToList();
        Assert.Equal(["train", "train", "fine-tune", "fine-tune"], phases);
        Assert.All(TrainingLog.Read(result.LogPath), e => Assert.True(double.IsFinite(e.Loss)));
    }

    [Fact]
    public void Sobel_loss_adds_a_positive_edge_term()
    {
        using var output = torch.rand(2, 1, 16, 16, generator: Initializers.Seeded(1));
        using var target = torch.rand(2, 1, 16, 16, generator: Initializers.Seeded(2));
        var mse = Losses.SquaredError(output, target, LossNormalization.PixelMean).item<float>();
        var sobel = Losses.SobelEdge(output, target, LossNormalization.PixelMean, 1.0).item<float>();
        Assert.True(sobel > mse * 1.5, $"sobel {sobel} vs mse {mse}");
        Assert.Equal(0f, Losses.SobelEdge(target, target, LossNormalization.PixelMean, 1.0).item<float>());
    }

    [Fact]
    public void Layer_selectors_resolve_indices_ranges_and_names()
    {
        using var network = NetworkRegistry.Create("DeeperARCNN");
        Assert.Equal([0, 1], LayerTransfer.Resolve(network, ["1-2"]));
        Assert.Equal([0, 4], LayerTransfer.Resolve(network, ["1", "conv5"]));
        Assert.Equal(5, LayerTransfer.Resolve(network, ["all"]).Count);
        Assert.Throws<ArgumentException>(() => LayerTransfer.Resolve(network, ["7"]));
    }

    [Theory]
    [InlineData("DeeperARCNN")]
    [InlineData("ChromaUNet-w8")]
    public void Transferred_layers_bring_their_learned_activation_slopes(string architecture)
    {
        using var source = NetworkRegistry.Create(architecture);
        using var target = NetworkRegistry.Create(architecture);
        using (torch.no_grad())
            foreach (var layer in source.Layers.Where(l => l.Activation is not null))
                layer.Activation!.weight!.copy_(torch.rand(layer.Activation.weight!.shape, generator: Initializers.Seeded(7)));

        LayerTransfer.Copy(source, target, [0], freeze: true);

        Assert.True(Same(source.Layers[0].Activation!.weight!, target.Layers[0].Activation!.weight!), "layer 1's PReLU slopes were not copied");
        Assert.False(target.Layers[0].Activation!.weight!.requires_grad);
        Assert.All(target.Layers.Skip(1).Where(l => l.Activation is not null),
            l => Assert.Equal(0.25f, l.Activation!.weight!.max().item<float>()));
    }

    static bool Same(torch.Tensor a, torch.Tensor b) => a.shape.SequenceEqual(b.shape) && (a - b).abs().max().item<float>() == 0f;

    public void Dispose() => _temp.Dispose();
}

using ArtifactTools.Networks;

namespace ArtifactTools.Training;

/// <summary>
/// The named recipes. "paper" resolves to the recipe of the architecture's own paper; "fast" is the project's measured
/// default for CPU budgets (Adam, zero-mean Xavier init, cosine decay).
/// </summary>
public static class TrainingRecipes
{
    static readonly double[] PaperScales = [1.0, 0.9, 0.8, 0.7, 0.6];

    /// <summary>Paper 000: SGD, batch 128 of 24x24 sub-images, lr 5e-4 (last layer 5e-5), Gaussian init std 0.001, MSE,
    /// BSDS500 augmented by 4 scales and 3 rotations.</summary>
    public static TrainingRecipe ArCnnPaper { get; } = new()
    {
        Name = "arcnn-paper", Description = "Paper 000: SGD lr 5e-4 (last 5e-5), batch 128 of 24x24, Gaussian(0.001) init, MSE",
        Optimizer = OptimizerKind.Sgd, LearningRate = 5e-4, LastLayerLearningRateFactor = 0.1, Momentum = 0.9,
        BatchSize = 128, PatchSize = 24, Init = InitScheme.Gaussian, InitStd = 0.001,
        Normalization = LossNormalization.CaffeEuclidean, Scales = PaperScales, Rotations = true,
    };

    /// <summary>Paper 002 (L4): SGD on 64 patches of 64x64, residual objective lr 8 and weight decay 5e-7 (Caffe
    /// loss scale), halved every 50 K iterations, last layer 10x smaller, zero-mean Xavier init.</summary>
    public static TrainingRecipe L4Paper { get; } = new()
    {
        Name = "l4-paper", Description = "Paper 002: SGD lr 8 (residual), wd 5e-7, 64 x 64x64, halve every 50K, last layer /10, zero-mean Xavier",
        Optimizer = OptimizerKind.Sgd, LearningRate = 8, LastLayerLearningRateFactor = 0.1, Momentum = 0.9, WeightDecay = 5e-7,
        BatchSize = 64, PatchSize = 64, DecayEvery = 50_000, Init = InitScheme.XavierZeroMean,
        Normalization = LossNormalization.CaffeEuclidean,
    };

    /// <summary>Paper 002 (L8): as L4 with 4 patches of 128x128.</summary>
    public static TrainingRecipe L8Paper { get; } = L4Paper with
    {
        Name = "l8-paper", Description = "Paper 002: as L4 with batch 4 of 128x128", BatchSize = 4, PatchSize = 128,
    };

    /// <summary>Paper 002's edge-preserving objective: MSE plus the Sobel-gradient MSE (lr 0.05, wd 5e-4).</summary>
    public static TrainingRecipe SobelPaper { get; } = L4Paper with
    {
        Name = "sobel-paper", Description = "Paper 002: MSE + Sobel edge loss, lr 0.05, wd 5e-4", LearningRate = 0.05, WeightDecay = 5e-4,
        Loss = LossKind.SobelEdge,
    };

    /// <summary>Paper 003: Adam lr 1e-4, batch 20 of 120x120, uniform fan-in init, multi-scale loss then fine-tuning.</summary>
    public static TrainingRecipe CasCnnPaper { get; } = new()
    {
        Name = "cascnn-paper", Description = "Paper 003: Adam lr 1e-4, batch 20 of 120x120, U(+-n_in^-1/2) init, multi-scale loss then output loss",
        Optimizer = OptimizerKind.Adam, LearningRate = 1e-4, BatchSize = 20, PatchSize = 120, Init = InitScheme.UniformFanIn,
        Loss = LossKind.MultiScale, FineTuneFraction = 0.25,
    };

    /// <summary>The project's CPU default: Adam 1e-3 with warm-up and cosine decay, batch 16 of 48x48 (a multiple of 8: JPEG blocks
    /// stay aligned), zero-mean Xavier init. Measured to beat the paper recipes by far at equal CPU time.</summary>
    public static TrainingRecipe Fast { get; } = new()
    {
        Name = "fast", Description = "ArtifactTools default: Adam 1e-3 warm-up+cosine, batch 16 of 48x48, zero-mean Xavier, MSE",
        Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 16, PatchSize = 48, CosineDecay = true, WarmupIterations = 100,
        Init = InitScheme.XavierZeroMean, Scales = [1.0, 0.8, 0.6], Rotations = true,
    };

    /// <summary>The colour (chroma) network's recipe: as <see cref="Fast"/> with patches of 96x96, so a patch spans 6 of
    /// 4:2:0's 16x16 chroma blocks (48x48 spans 3, and a third of its pixels lie in border blocks). No cached rescaling
    /// or rotation (colour pairs hold 6 bytes a pixel, and a CPU budget sees the 400 BSDS500 images a few times, so a
    /// cache 12 times larger would only slow the preparation); each patch is turned to a random one of the 8 flips and
    /// rotations as it is drawn instead, which costs nothing: 3,000 iterations fine-tuning ChromaUNet at q10 gained
    /// Kodak24 +0.040 dB RGB with it and +0.000 without. ChromaNet works at half resolution: 154 patches of 96x96 a
    /// second on an idle 2-core AMD EPYC (L8: 23 of 48x48).</summary>
    public static TrainingRecipe Chroma { get; } = Fast with
    {
        Name = "chroma", Description = "ArtifactTools colour: Adam 1e-3 warm-up+cosine, batch 16 of 96x96 in random orientations, zero-mean Xavier, MSE on Y, Cb, Cr",
        PatchSize = 96, Scales = [1.0], Rotations = false, RandomOrientations = true,
    };

    public static IReadOnlyList<TrainingRecipe> All { get; } = [Fast, Chroma, ArCnnPaper, L4Paper, L8Paper, SobelPaper, CasCnnPaper];

    /// <summary>Resolves a recipe name; "paper" picks the recipe of the architecture's paper, as the network registry
    /// records it.</summary>
    /// <exception cref="ArgumentException">Unknown recipe or network name.</exception>
    /// <exception cref="FormatException">"paper" with a bad spec.</exception>
    public static TrainingRecipe Resolve(string name, string architecture)
    {
        if (name.Equals("paper", StringComparison.OrdinalIgnoreCase)) return NetworkRegistry.PaperRecipeFor(architecture);
        return All.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown recipe '{name}'. Known: paper, {string.Join(", ", All.Select(r => r.Name))}.");
    }
}

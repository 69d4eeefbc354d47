namespace ArtifactTools.Training;

/// <summary>
/// Everything a paper fixes about training besides data and architecture. Recipes are values: the papers' ones are
/// named in <see cref="TrainingRecipes"/>, and any property can be overridden for an experiment.
/// </summary>
public sealed record TrainingRecipe
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Learning-rate multiplier of the last layer (AR-CNN: 0.1, L4/L8: 0.1).</summary>
    public double LastLayerLearningRateFactor { get; init; } = 1.0;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; }
    public int BatchSize { get; init; } = 16;
    public int PatchSize { get; init; } = 48;
    /// <summary>Multiply the learning rate by <see cref="DecayFactor"/> every this many iterations (0 = never).</summary>
    public int DecayEvery { get; init; }
    public double DecayFactor { get; init; } = 0.5;
    /// <summary>Linear warm-up from 1% over the first iterations (fraction of the run, at most WarmupIterations):
    /// Adam's first steps move every weight by about the learning rate and can throw a fresh network off.</summary>
    public int WarmupIterations { get; init; }
    /// <summary>Cosine decay from LearningRate to 1% over the run: converges well in short CPU budgets.</summary>
    public bool CosineDecay { get; init; }
    public InitScheme Init { get; init; } = InitScheme.XavierZeroMean;
    /// <summary>Standard deviation for Gaussian init (AR-CNN: 0.001).</summary>
    public double InitStd { get; init; } = 0.001;
    public LossKind Loss { get; init; } = LossKind.Mse;
    public LossNormalization Normalization { get; init; } = LossNormalization.PixelMean;
    /// <summary>Weight of the Sobel gradient term for <see cref="LossKind.SobelEdge"/>.</summary>
    public double SobelWeight { get; init; } = 1.0;
    /// <summary>For <see cref="LossKind.MultiScale"/>: the fraction of iterations after which training continues on
    /// the output loss alone (CAS-CNN's fine-tuning phase).</summary>
    public double FineTuneFraction { get; init; } = 0.25;
    /// <summary>Augmentation: scales applied to each training image (1.0 always included) and 90-degree rotations.</summary>
    public double[] Scales { get; init; } = [1.0];
    public bool Rotations { get; init; }
    /// <summary>Augmentation at sampling time: each patch in a random one of the 8 flips and rotations (no cache space).</summary>
    public bool RandomOrientations { get; init; }
}

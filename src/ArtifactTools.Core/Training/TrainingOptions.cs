using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Runtime;

namespace ArtifactTools.Training;

/// <summary>One training run: what to train, on what, for how long, and where the results go.</summary>
public sealed record TrainingOptions
{
    /// <summary>A network name (ARCNN, L4, ...) or a spec string in the papers' notation.</summary>
    public required string Architecture { get; init; }
    public required IReadOnlyList<string> TrainingFiles { get; init; }
    public IReadOnlyList<string> ValidationFiles { get; init; } = [];
    /// <summary>What the network learns to undo, e.g. <c>Degradations.Parse("jpeg:10")</c>; its Spec is what the model
    /// file, checkpoint and log record.</summary>
    public required IDegradation Degradation { get; init; }
    /// <summary><see cref="ColorMode.Y"/>: the papers' luminance pairs; <see cref="ColorMode.YCbCr"/>: colour pairs,
    /// compressed as colour files with <see cref="ChromaSampling"/>, for 3-channel (colour) networks.</summary>
    public ColorMode ColorMode { get; init; } = ColorMode.Y;
    /// <summary>Chroma subsampling of the colour training JPEGs (libjpeg's default 4:2:0).</summary>
    public ChromaSampling ChromaSampling { get; init; } = ChromaSampling.Yuv420;
    public required TrainingRecipe Recipe { get; init; }
    public required int Iterations { get; init; }
    /// <summary>The model file to write (.safetensors); checkpoint, log and curve sit beside it.</summary>
    public required string OutputPath { get; init; }
    public int Seed { get; init; }
    /// <summary>Validate every this many iterations (0: only at the end).</summary>
    public int ValidateEvery { get; init; } = 200;
    public int CheckpointEvery { get; init; } = 500;
    /// <summary>Continue from OutputPath's checkpoint when one exists.</summary>
    public bool Resume { get; init; }
    /// <summary>Transfer: a base model file, the layers to copy (1-based, ranges, names or "all"), and whether to freeze them.</summary>
    public string? InitializeFrom { get; init; }
    public IReadOnlyList<string> TransferLayers { get; init; } = [];
    public bool FreezeTransferred { get; init; }
    /// <summary>Initialise the layers that are not transferred with this scheme instead of the recipe's (Fig. 15: He).</summary>
    public InitScheme? InitOverride { get; init; }
    public string? ModelName { get; init; }
    public string? Description { get; init; }
    public string? CacheDirectory { get; init; }
    /// <summary>libtorch's intra-op threads; null keeps its default (one per core).</summary>
    public int? Threads { get; init; }
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    public string CheckpointPath => CheckpointPathFor(OutputPath);

    /// <summary>Where a run writing <paramref name="outputPath"/> keeps its checkpoint.</summary>
    public static string CheckpointPathFor(string outputPath) => outputPath + ".checkpoint";
    public string LogPath => Path.ChangeExtension(OutputPath, ".log.jsonl");
    public string CurvePath => Path.ChangeExtension(OutputPath, ".curve.html");
}

using System.Management.Automation;
using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.PowerShell.Completion;
using ArtifactTools.PowerShell.Infrastructure;
using ArtifactTools.Runtime;
using ArtifactTools.Training;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Start-ArtifactTraining: trains a network of the papers on clean images.</summary>
[Cmdlet(VerbsLifecycle.Start, "ArtifactTraining", DefaultParameterSetName = QualitySet, SupportsShouldProcess = true)]
[OutputType(typeof(TrainingResult))]
public sealed class StartArtifactTrainingCommand : PSCmdlet
{
    const string QualitySet = "Quality", DegradationSet = "Degradation";

    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(NetworkNameCompleter))]
    public string Architecture { get; set; } = "";

    /// <summary>Clean training images: files, folders (their images) or wildcards.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [SupportsWildcards]
    public string[] TrainingPath { get; set; } = [];

    [Parameter]
    [SupportsWildcards]
    public string[] ValidationPath { get; set; } = [];

    /// <summary>JPEG quality the model is trained for (shorthand for -Degradation jpeg:Q).</summary>
    [Parameter(ParameterSetName = QualitySet)]
    [ValidateRange(1, 100)]
    public int? Quality { get; set; }

    /// <summary>Degradation spec: jpeg:10, jpeg:5-95 (one blind model), jp2:0.3 (bits per pixel), rescale:0.5+jpeg:75, webp:50.</summary>
    [Parameter(ParameterSetName = DegradationSet)]
    public string? Degradation { get; set; }

    /// <summary>Y: the papers' luminance training; YCbCr: colour pairs (colour JPEGs with -ChromaSampling) for a
    /// colour network such as ChromaUNet or ChromaNet. Default: YCbCr for the colour networks, Y for the papers' networks.</summary>
    [Parameter] public ColorMode? ColorMode { get; set; }

    /// <summary>Chroma subsampling of the colour training JPEGs: 4:2:0 (libjpeg's default), 4:2:2 or 4:4:4.</summary>
    [Parameter]
    [ValidateSet("4:2:0", "4:2:2", "4:4:4")]
    public string ChromaSampling { get; set; } = "4:2:0";

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Iterations { get; set; } = 5000;

    [Parameter(Mandatory = true)]
    public string OutputPath { get; set; } = "";

    /// <summary>fast (default), paper (the architecture's own paper), arcnn-paper, l4-paper, l8-paper, sobel-paper, cascnn-paper.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RecipeNameCompleter))]
    public string Recipe { get; set; } = "fast";

    /// <summary>Overrides of the recipe's learning rate, batch size and patch side.</summary>
    [Parameter] [ValidateRange(double.Epsilon, double.MaxValue)] public double? LearningRate { get; set; }
    [Parameter] [ValidateRange(1, int.MaxValue)] public int? BatchSize { get; set; }
    [Parameter] [ValidateRange(8, int.MaxValue)] public int? PatchSize { get; set; }
    /// <summary>Turns each training patch to a random one of the 8 flips and rotations (on top of the recipe's augmentation).</summary>
    [Parameter] public SwitchParameter RandomOrientation { get; set; }

    /// <summary>Transfer: a base model whose layers initialise this network.</summary>
    [Parameter] [ArgumentCompleter(typeof(ModelNameCompleter))] public string? InitializeFrom { get; set; }
    /// <summary>Layers to copy from -InitializeFrom: 1-based indices, ranges (1-2), names (conv1) or all.</summary>
    [Parameter] public string[] TransferLayer { get; set; } = [];
    [Parameter] public SwitchParameter Freeze { get; set; }
    /// <summary>Initialisation of non-transferred layers instead of the recipe's (e.g. He, for paper 000's Fig. 15).</summary>
    [Parameter] public InitScheme? Initialization { get; set; }

    [Parameter] public SwitchParameter Resume { get; set; }
    [Parameter] public int Seed { get; set; }
    [Parameter] public int ValidateEvery { get; set; } = 200;
    [Parameter] public int CheckpointEvery { get; set; } = 500;
    [Parameter] public DeviceChoice Device { get; set; } = DeviceChoice.Auto;
    [Parameter] [ValidateRange(1, int.MaxValue)] public int? Threads { get; set; }
    [Parameter] public string? Name { get; set; }
    [Parameter] public SwitchParameter Force { get; set; }

    readonly List<string> _training = [];

    protected override void ProcessRecord()
    {
        foreach (var input in TrainingPath) _training.AddRange(ImageFiles.Resolve(this, input));
    }

    protected override void EndProcessing()
    {
        var output = PathResolution.ResolveOutput(this, OutputPath);
        var validation = ValidationPath.SelectMany(v => ImageFiles.Resolve(this, v)).ToList();
        if (_training.Count == 0)
        {
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException("No training images found in -TrainingPath."),
                "NoTrainingImages", ErrorCategory.InvalidArgument, TrainingPath));
        }
        if (Directory.Exists(output))
        {
            ThrowTerminatingError(ErrorRecords.Create(new IOException($"-OutputPath '{output}' is a folder; name the model file, e.g. '{System.IO.Path.Combine(output, "model.safetensors")}'."),
                "OutputIsFolder", ErrorCategory.InvalidArgument, output));
        }
        if (Resume && !File.Exists(TrainingOptions.CheckpointPathFor(output)))
        {
            ThrowTerminatingError(ErrorRecords.Create(new FileNotFoundException(
                    $"-Resume: there is no checkpoint '{TrainingOptions.CheckpointPathFor(output)}' to continue from. Run without -Resume to start a run."),
                "NoCheckpoint", ErrorCategory.ObjectNotFound, output));
        }
        if (File.Exists(output) && !Force && !Resume)
        {
            ThrowTerminatingError(ErrorRecords.Create(new IOException($"'{output}' exists. Use -Force to replace it or -Resume to continue its run."),
                "ModelExists", ErrorCategory.ResourceExists, output));
        }
        // Argument mistakes are reported before -WhatIf/-Confirm, with the same error ids as the other cmdlets.
        ValidateArchitecture();
        var degradation = ResolveDegradation();
        var recipe = ResolveRecipe();
        if (!ShouldProcess(output, $"Train {Architecture} for {Iterations} iterations")) return;

        var options = BuildOptions(output, validation, degradation, recipe);
        NativeRuntime.Prepare(Workload.Train);
        RunWithProgress(options);
    }

    IDegradation ResolveDegradation()
    {
        var spec = Degradation ?? (Quality is { } quality ? $"jpeg:{quality}" : null);
        if (spec is null)
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException("Give -Quality (e.g. 10) or -Degradation (e.g. 'jpeg:5-95')."),
                "NoDegradation", ErrorCategory.InvalidArgument, null));
        try
        {
            return Degradations.Parse(spec!);
        }
        catch (FormatException ex)
        {
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException(ex.Message, nameof(Degradation), ex),
                "InvalidDegradation", ErrorCategory.InvalidArgument, spec));
            return null!;
        }
    }

    void ValidateArchitecture()
    {
        try { NetworkRegistry.Validate(Architecture); }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException(ex.Message, nameof(Architecture), ex),
                "InvalidArchitecture", ErrorCategory.InvalidArgument, Architecture));
        }
    }

    TrainingRecipe ResolveRecipe()
    {
        try { return TrainingRecipes.Resolve(Recipe, Architecture); }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            ThrowTerminatingError(ErrorRecords.Create(ex, "InvalidRecipe", ErrorCategory.InvalidArgument, Recipe));
            return null!;
        }
    }

    TrainingOptions BuildOptions(string output, List<string> validation, IDegradation degradation, TrainingRecipe recipe)
    {
        recipe = recipe with
        {
            LearningRate = LearningRate ?? recipe.LearningRate,
            BatchSize = BatchSize ?? recipe.BatchSize,
            PatchSize = PatchSize ?? recipe.PatchSize,
            RandomOrientations = RandomOrientation || recipe.RandomOrientations,
        };
        return new TrainingOptions
        {
            Architecture = Architecture,
            TrainingFiles = _training.Distinct().ToList(),
            ValidationFiles = validation,
            Degradation = degradation,
            ColorMode = ColorMode ?? ColorTraining.DefaultFor(Architecture),
            ChromaSampling = Imaging.ChromaSampling.Parse(ChromaSampling),
            Recipe = recipe,
            Iterations = Iterations,
            OutputPath = output,
            Seed = Seed, ValidateEvery = ValidateEvery, CheckpointEvery = CheckpointEvery, Resume = Resume,
            InitializeFrom = InitializeFrom is null ? null : ModelReference.Resolve(this, InitializeFrom, ModelCatalog.Default()),
            TransferLayers = TransferLayer,
            FreezeTransferred = Freeze,
            InitOverride = Initialization,
            ModelName = Name, Threads = Threads, Device = Device,
        };
    }

    /// <summary>Trains on a worker thread (<see cref="WorkerThread"/>) while this, the pipeline thread, shows its
    /// status and progress; Ctrl+C stops it after the current iteration, keeping a checkpoint.</summary>
    void RunWithProgress(TrainingOptions options)
    {
        var activity = $"Training {options.Architecture} ({options.Degradation.Spec}, {options.Recipe.Name})";
        TrainingProgress? lastShown = null;
        void Show(object message)
        {
            if (message is string status)
            {
                WriteVerbose(status);
                WriteProgress(new ProgressRecord(1, activity, status));
            }
            else if (message is TrainingProgress p && (lastShown is null || p.Iteration == p.TotalIterations || (p.Elapsed - lastShown.Elapsed).TotalSeconds >= 0.5))
            {
                lastShown = p;
                WriteProgress(new ProgressRecord(1, activity,
                    $"iteration {p.Iteration}/{p.TotalIterations}  loss {p.Loss:0.000000}  val PSNR {Format(p.ValidationPsnr)} dB (input {Format(p.BaselinePsnr)})")
                {
                    PercentComplete = (int)(100L * p.Iteration / p.TotalIterations),
                    SecondsRemaining = p.Remaining is { } r ? (int)r.TotalSeconds : -1,
                });
            }
        }

        TrainingResult result = null!;
        try
        {
            result = WorkerThread.Run("ArtifactTools training", post =>
            {
                var trainer = new Trainer(options);
                trainer.Status += post;
                trainer.Progress += p => post(p);
                return trainer.Run(PipelineStopToken);
            }, Show);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.Create(ex, "TrainingFailed", ErrorCategory.InvalidOperation, options.OutputPath));
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, activity, "done") { RecordType = ProgressRecordType.Completed });
        }
        if (result.Completed && result.IPSNR < 0)
            WriteWarning($"The trained model restores the validation images worse than their degraded input ({result.ValidationPSNR:0.00} dB vs " +
                         $"{result.BaselinePSNR:0.00} dB): train longer (-Iterations), lower -LearningRate, or check -Degradation against the images.");
        if (!result.Completed)
            WriteWarning($"Training stopped at iteration {result.Iterations}; continue with -Resume (checkpoint: {options.CheckpointPath}).");
        WriteObject(result);
    }

    static string Format(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("0.00") : "-";
}

using System.Diagnostics;
using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>
/// Trains one restoration network by one recipe: prepares the data, initialises (or transfers), optimises with
/// per-layer learning rates, validates, checkpoints, and writes the model file, log and curve.
/// Cancellation stops after the current iteration and keeps a checkpoint, so -Resume continues exactly.
/// The process's native settings (oneDNN's cap for exact gradients) are the entry point's business
/// (<see cref="NativeRuntime"/>); the trainer only checks that its gradients are exact.
/// </summary>
public sealed class Trainer
{
    readonly TrainingOptions _options;
    TrainingRecipe Recipe => _options.Recipe;

    public event Action<TrainingProgress>? Progress;
    public event Action<string>? Status;

    public Trainer(TrainingOptions options)
    {
        if (options.Iterations <= 0) throw new ArgumentException("Iterations must be positive.");
        if (options.TrainingFiles.Count == 0) throw new ArgumentException("No training images were given.");
        _options = options;
    }

    public TrainingResult Run(CancellationToken cancellation = default)
    {
        using var run = Prepare(cancellation);
        bool completed = true;
        while (run.Iteration < _options.Iterations)
        {
            if (cancellation.IsCancellationRequested) { completed = false; break; }
            var stepClock = Stopwatch.StartNew();
            var step = Step(run);
            Record(run, step, stepClock.Elapsed);
        }
        return Finish(run, completed);
    }

    /// <summary>Everything one run holds between iterations.</summary>
    sealed class RunState(RestorationNetwork network, Device device) : IDisposable
    {
        public RestorationNetwork Network { get; } = network;
        public Device Device { get; } = device;
        public torch.optim.Optimizer Optimizer { get; set; } = null!;
        public IReadOnlyList<string> Transferred { get; set; } = [];
        public int StartIteration { get; set; }
        public int Iteration { get; set; }
        public double ElapsedBefore { get; set; }
        public double? LastValidation { get; set; }
        public ITrainingPairs Pairs { get; set; } = null!;
        public IValidationSet Validation { get; set; } = null!;
        public TrainingLog Log { get; set; } = null!;
        public Stopwatch Clock { get; } = new();
        public Queue<double> RecentSeconds { get; } = new();
        public float[] DegradedBatch { get; set; } = [];
        public float[] CleanBatch { get; set; } = [];
        public double Elapsed => ElapsedBefore + Clock.Elapsed.TotalSeconds;

        public void Dispose()
        {
            Pairs?.Dispose();
            Network.Dispose();
        }
    }

    readonly record struct StepResult(double Loss, double LearningRate, bool FineTuning);

    /// <summary>Device, network, optimizer, resumed state, data and log.</summary>
    RunState Prepare(CancellationToken cancellation)
    {
        if (_options.Threads is { } threads) set_num_threads(threads);
        var device = ComputeDevice.Resolve(_options.Device);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.OutputPath))!);

        var run = new RunState(ColorTraining.CreateNetwork(_options), device);
        try
        {
            PrepareNetwork(run);
            PrepareData(run, cancellation);
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>Initialised or transferred weights, the optimizer, and the state of a resumed run.</summary>
    void PrepareNetwork(RunState run)
    {
        var network = run.Network;
        InitializeWeights(network);
        run.Transferred = TransferFromBase(network);
        network.to(run.Device);
        network.train();
        run.Optimizer = OptimizerFactory.Create(Recipe, network);
        if (!_options.Resume || !File.Exists(_options.CheckpointPath)) return;
        var state = Checkpoint.Load(_options.CheckpointPath, network, (OptimizerHelper)run.Optimizer);
        EnsureSameRun(state);
        run.StartIteration = run.Iteration = state.Iteration;
        run.ElapsedBefore = state.ElapsedSeconds;
        Status?.Invoke($"Resuming from iteration {state.Iteration} ({_options.CheckpointPath})");
    }

    /// <summary>Training pairs, validation set, log and batch buffers; checks the gradients before step one.</summary>
    void PrepareData(RunState run, CancellationToken cancellation)
    {
        Status?.Invoke("Preparing training data");
        var cacheDir = _options.CacheDirectory ?? UserFolders.WritableCache("training");
        var progress = new Progress<string>(m => Status?.Invoke(m));
        bool colour = _options.ColorMode == ColorMode.YCbCr;
        var degradation = colour ? ColorTraining.Degradation(_options) : _options.Degradation;
        run.Pairs = colour
            ? ColorPairs.Open(_options.TrainingFiles, degradation, Recipe, _options.Seed, cacheDir, Recipe.PatchSize, progress, cancellation)
            : PreparedPairs.Open(_options.TrainingFiles, degradation, Recipe, _options.Seed, cacheDir, Recipe.PatchSize, progress, cancellation);
        Status?.Invoke("Preparing validation data");
        run.Validation = colour
            ? new ColorValidationSet(_options.ValidationFiles, degradation, _options.Seed)
            : new ValidationSet(_options.ValidationFiles, degradation, _options.Seed);
        run.Log = new TrainingLog(_options.LogPath, run.StartIteration);
        run.LastValidation = run.Log.Entries.LastOrDefault(e => e.ValidationPsnr is not null)?.ValidationPsnr;

        int patch = Recipe.PatchSize, batch = Recipe.BatchSize, channels = run.Pairs.Channels;
        if (run.Device.type == DeviceType.CPU) EnsureExactGradients(run.Network, channels, batch, patch);
        run.DegradedBatch = new float[batch * channels * patch * patch];
        run.CleanBatch = new float[batch * channels * patch * patch];
        run.Clock.Start();
    }

    /// <summary>One optimisation step on one batch drawn from (seed, iteration).</summary>
    StepResult Step(RunState run)
    {
        int iteration = ++run.Iteration, patch = Recipe.PatchSize, batch = Recipe.BatchSize, channels = run.Pairs.Channels;
        double factor = LearningRateFactor(iteration);
        OptimizerFactory.ScaleLearningRates(run.Optimizer, factor);
        bool fineTuning = Recipe.Loss == LossKind.MultiScale && iteration > _options.Iterations * (1 - Recipe.FineTuneFraction);

        run.Pairs.SampleBatch(new Random(SeedMixer.Mix(_options.Seed, iteration)), batch, patch, run.DegradedBatch, run.CleanBatch, Recipe.RandomOrientations);
        double loss;
        using (var scope = NewDisposeScope())
        {
            var input = tensor(run.DegradedBatch, [batch, channels, patch, patch], device: run.Device);
            var target = tensor(run.CleanBatch, [batch, channels, patch, patch], device: run.Device);
            run.Optimizer.zero_grad();
            var value = Losses.For(Recipe, run.Network, input, target, fineTuning);
            value.backward();
            run.Optimizer.step();
            loss = value.item<float>();
        }
        if (!double.IsFinite(loss))
            throw new InvalidOperationException($"Training diverged at iteration {iteration} (loss {loss}); lower the learning rate.");
        return new StepResult(loss, Recipe.LearningRate * factor, fineTuning);
    }

    /// <summary>Validates when due, logs, reports progress with an estimate of the time left, checkpoints when due.</summary>
    void Record(RunState run, StepResult step, TimeSpan stepTime)
    {
        int iteration = run.Iteration;
        bool validate = iteration == _options.Iterations || (_options.ValidateEvery > 0 && iteration % _options.ValidateEvery == 0);
        double? validationPsnr = validate ? Finite(run.Validation.Evaluate(run.Network, run.Device)) : null;
        if (validationPsnr is { } v) run.LastValidation = v;
        string phase = step.FineTuning ? "fine-tune" : "train";
        double elapsed = run.Elapsed;
        run.Log.Append(new TrainingLogEntry(iteration, step.Loss, validationPsnr,
            validate ? Finite(run.Validation.BaselinePsnr) : null, step.LearningRate, elapsed, phase));

        run.RecentSeconds.Enqueue(stepTime.TotalSeconds);
        if (run.RecentSeconds.Count > 50) run.RecentSeconds.Dequeue();
        var remaining = TimeSpan.FromSeconds(run.RecentSeconds.Average() * (_options.Iterations - iteration));
        Progress?.Invoke(new TrainingProgress(iteration, _options.Iterations, step.Loss, run.LastValidation,
            run.Validation.BaselinePsnr, TimeSpan.FromSeconds(elapsed), remaining, phase));

        if (_options.CheckpointEvery > 0 && iteration % _options.CheckpointEvery == 0) SaveCheckpoint(run, elapsed);
    }

    /// <summary>Final checkpoint, model file (when anything was trained), curve and the result.</summary>
    TrainingResult Finish(RunState run, bool completed)
    {
        double totalSeconds = run.Elapsed;
        SaveCheckpoint(run, totalSeconds);
        double finalPsnr = run.LastValidation ?? double.NaN;
        if (run.Iteration > run.StartIteration) SaveModel(run, totalSeconds, finalPsnr);
        TrainingCurve.Write(_options.CurvePath, $"{_options.Architecture} on {_options.Degradation.Spec} ({Recipe.Name})", run.Log.Entries);
        double trainedSeconds = run.Clock.Elapsed.TotalSeconds;
        return new TrainingResult
        {
            ModelPath = Path.GetFullPath(_options.OutputPath),
            Architecture = run.Network.Spec,
            Degradation = _options.Degradation.Spec,
            Recipe = Recipe.Name,
            Iterations = run.Iteration,
            ValidationPSNR = finalPsnr,
            BaselinePSNR = run.Validation.BaselinePsnr,
            PatchesPerSecond = trainedSeconds > 0 ? (run.Iteration - run.StartIteration) * (double)Recipe.BatchSize / trainedSeconds : 0,
            Duration = TimeSpan.FromSeconds(totalSeconds),
            LogPath = Path.GetFullPath(_options.LogPath),
            CurvePath = Path.GetFullPath(_options.CurvePath),
            Completed = completed && run.Iteration >= _options.Iterations,
        };
    }

    /// <summary>No validation set (NaN) or a perfect reconstruction (infinity) is recorded as "no value".</summary>
    static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    void InitializeWeights(RestorationNetwork network)
    {
        manual_seed(_options.Seed);
        var scheme = _options.InitOverride ?? Recipe.Init;
        var generator = Initializers.Seeded(_options.Seed);
        switch (scheme)
        {
            case InitScheme.Gaussian: Initializers.Gaussian(network, Recipe.InitStd, generator); break;
            case InitScheme.He: Initializers.He(network, generator); break;
            case InitScheme.UniformFanIn: Initializers.UniformFanIn(network, generator); break;
            default: Initializers.XavierZeroMean(network, generator); break;
        }
    }

    IReadOnlyList<string> TransferFromBase(RestorationNetwork network)
    {
        if (_options.InitializeFrom is null) return [];
        using var baseModel = ModelFile.Load(_options.InitializeFrom);
        var selectors = _options.TransferLayers.Count > 0 ? _options.TransferLayers : ["all"];
        var indices = LayerTransfer.Resolve(network, selectors);
        var copied = LayerTransfer.Copy(baseModel.Network, network, indices, _options.FreezeTransferred);
        Status?.Invoke($"Copied {string.Join(", ", copied)} from {_options.InitializeFrom}{(_options.FreezeTransferred ? " (frozen)" : "")}");
        return copied;
    }

    /// <summary>Stops before step one when this process's CPU kernels give the network wrong gradients: a restore came
    /// first and left oneDNN uncapped, or this CPU's measured verdict (see <see cref="TrainingKernels"/>) does not hold
    /// for this network; then the verdict falls back to the safe cap, so the next session trains exactly.</summary>
    static void EnsureExactGradients(RestorationNetwork network, int channels, int batch, int patch)
    {
        if (GradientCheck.CpuBackwardIsExact(network, channels, Math.Min(batch, 2), Math.Min(patch, 48))) return;
        if (!OneDnn.CappedForTraining)
            throw new InvalidOperationException(
                "This session's CPU convolution kernels give wrong training gradients on this processor: a restore earlier in the " +
                "session loaded oneDNN's fastest kernels, whose backward pass is broken here. Train in a new session (restores " +
                "there run slower), or set ONEDNN_MAX_CPU_ISA=AVX before the module loads.");
        TrainingKernels.Demote(TuningCache.ForThisMachine, OneDnn.AppliedCap, network.Spec);
        throw new InvalidOperationException(
            $"oneDNN's kernels under the cap measured for this CPU ({OneDnn.AppliedCap ?? "none"}) give {network.Spec} wrong training " +
            $"gradients. The verdict now says {TrainingKernels.SafeCap}: train in a new session.");
    }

    /// <summary>The schedule: step decay, linear warm-up from 1% and cosine decay to 1%, as a factor of each parameter
    /// group's initial learning rate.</summary>
    double LearningRateFactor(int iteration)
    {
        double factor = 1;
        if (Recipe.DecayEvery > 0) factor *= Math.Pow(Recipe.DecayFactor, (iteration - 1) / Recipe.DecayEvery);
        int warmup = Math.Min(Recipe.WarmupIterations, _options.Iterations / 10);
        if (iteration <= warmup) factor *= 0.01 + 0.99 * iteration / warmup;
        if (Recipe.CosineDecay)
            factor *= 0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * (iteration - 1) / _options.Iterations));
        return factor;
    }

    void SaveCheckpoint(RunState run, double elapsed) =>
        Checkpoint.Save(_options.CheckpointPath,
            new CheckpointState(run.Iteration, _options.Architecture, _options.Degradation.Spec, Recipe.Name, _options.Seed, elapsed, run.LastValidation),
            run.Network, (OptimizerHelper)run.Optimizer);

    void EnsureSameRun(CheckpointState state)
    {
        if (state.Architecture != _options.Architecture || !SameDegradation(state.Degradation)
            || state.Recipe != Recipe.Name || state.Seed != _options.Seed)
            throw new InvalidOperationException(
                $"The checkpoint '{_options.CheckpointPath}' is from a different run ({state.Architecture}, {state.Degradation}, " +
                $"{state.Recipe}, seed {state.Seed}); resume with the same settings or choose another -OutputPath.");
    }

    /// <summary>Checkpoints record the canonical spec; older ones the spec as the user typed it.</summary>
    bool SameDegradation(string recorded)
    {
        try { return Degradations.Parse(recorded).Spec == _options.Degradation.Spec; }
        catch (FormatException) { return false; }
    }

    void SaveModel(RunState run, double seconds, double validationPsnr)
    {
        var network = run.Network;
        var metadata = new ModelMetadata
        {
            Name = _options.ModelName ?? Path.GetFileNameWithoutExtension(_options.OutputPath),
            Architecture = network.Spec,
            Channels = run.Pairs.Channels,
            ColorMode = _options.ColorMode.ToString(),
            ChromaSampling = _options.ColorMode == ColorMode.YCbCr ? _options.ChromaSampling.ToString() : null,
            Degradation = _options.Degradation.Spec,
            Recipe = Recipe.Name,
            Iterations = run.Iteration,
            TrainingSeconds = seconds,
            ValidationPsnr = Finite(validationPsnr),
            BaselinePsnr = Finite(run.Validation.BaselinePsnr),
            Description = _options.Description ?? $"{network.Spec} trained on {_options.TrainingFiles.Count} images for {_options.Degradation.Spec}",
            Extra = new Dictionary<string, string>
            {
                ["seed"] = _options.Seed.ToString(),
                ["training_images"] = _options.TrainingFiles.Count.ToString(),
                ["validation_images"] = _options.ValidationFiles.Count.ToString(),
                ["transferred_from"] = _options.InitializeFrom is null ? "" : Path.GetFileName(_options.InitializeFrom),
                ["transferred_layers"] = string.Join(",", run.Transferred),
            },
        };
        ModelFile.Save(_options.OutputPath, network, metadata);
    }
}

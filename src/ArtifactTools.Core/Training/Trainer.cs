using System.Diagnostics;
using ArtifactTools.Degradation;
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
        TorchRuntime.EnsureLoaded();
        if (_options.Threads > 0) set_num_threads(_options.Threads);
        var device = DeviceSelection.Resolve(_options.Device);
        if (device.type == DeviceType.CPU) OneDnn.PreferExactKernels(); // before this process's first convolution, if still in time
        var degradation = Degradations.Parse(_options.Degradation);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.OutputPath))!);

        using var network = NetworkRegistry.Create(_options.Architecture);
        InitializeWeights(network);
        var transferred = TransferFromBase(network);
        network.to(device);
        network.train();
        var optimizer = CreateOptimizer(network, out var groups);

        int start = 0;
        double elapsedBefore = 0;
        if (_options.Resume && File.Exists(_options.CheckpointPath))
        {
            var state = Checkpoint.Load(_options.CheckpointPath, network, (OptimizerHelper)optimizer);
            EnsureSameRun(state);
            start = state.Iteration;
            elapsedBefore = state.ElapsedSeconds;
            Status?.Invoke($"Resuming from iteration {start} ({_options.CheckpointPath})");
        }

        Status?.Invoke("Preparing training data");
        var cacheDir = _options.CacheDirectory ?? Path.Combine(UserFolders.Cache, "training");
        using var pairs = PreparedPairs.Open(_options.TrainingFiles, degradation, Recipe, _options.Seed, cacheDir,
            Recipe.PatchSize, new Progress<string>(m => Status?.Invoke(m)), cancellation);
        Status?.Invoke("Preparing validation data");
        var validation = new ValidationSet(_options.ValidationFiles, degradation, _options.Seed);
        var log = new TrainingLog(_options.LogPath, start);

        var clock = Stopwatch.StartNew();
        double? lastValidation = log.Entries.LastOrDefault(e => e.ValidationPsnr is not null)?.ValidationPsnr;
        int patch = Recipe.PatchSize, batch = Recipe.BatchSize;
        if (device.type == DeviceType.CPU) EnsureExactGradients(network, batch, patch);
        var degradedBuffer = new float[batch * patch * patch];
        var cleanBuffer = new float[batch * patch * patch];
        int iteration = start;
        bool completed = true;
        var recentSeconds = new Queue<double>();
        while (iteration < _options.Iterations)
        {
            if (cancellation.IsCancellationRequested) { completed = false; break; }
            iteration++;
            var stepClock = Stopwatch.StartNew();
            double learningRate = LearningRateAt(iteration);
            SetLearningRates(groups, learningRate);
            bool fineTuning = Recipe.Loss == LossKind.MultiScale && iteration > _options.Iterations * (1 - Recipe.FineTuneFraction);

            pairs.SampleBatch(new Random(SeedMixer.Mix(_options.Seed, iteration)), batch, patch, degradedBuffer, cleanBuffer);
            double lossValue;
            using (var scope = NewDisposeScope())
            {
                var input = tensor(degradedBuffer, [batch, 1, patch, patch], device: device);
                var target = tensor(cleanBuffer, [batch, 1, patch, patch], device: device);
                optimizer.zero_grad();
                var loss = Losses.For(Recipe, network, input, target, fineTuning);
                loss.backward();
                optimizer.step();
                lossValue = loss.item<float>();
            }
            if (!double.IsFinite(lossValue))
                throw new InvalidOperationException($"Training diverged at iteration {iteration} (loss {lossValue}); lower the learning rate.");

            bool validate = iteration == _options.Iterations || (_options.ValidateEvery > 0 && iteration % _options.ValidateEvery == 0);
            double? validationPsnr = validate ? validation.Evaluate(network, device) : null;
            if (Finite(validationPsnr) is { } v) lastValidation = v;
            double elapsed = elapsedBefore + clock.Elapsed.TotalSeconds;
            log.Append(new TrainingLogEntry(iteration, lossValue, validate ? Finite(validationPsnr) : null,
                validate ? Finite(validation.BaselinePsnr) : null, learningRate, elapsed, fineTuning ? "fine-tune" : "train"));

            recentSeconds.Enqueue(stepClock.Elapsed.TotalSeconds);
            if (recentSeconds.Count > 50) recentSeconds.Dequeue();
            var remaining = TimeSpan.FromSeconds(recentSeconds.Average() * (_options.Iterations - iteration));
            Progress?.Invoke(new TrainingProgress(iteration, _options.Iterations, lossValue, lastValidation,
                validation.BaselinePsnr, TimeSpan.FromSeconds(elapsed), remaining, fineTuning ? "fine-tune" : "train"));

            if (_options.CheckpointEvery > 0 && iteration % _options.CheckpointEvery == 0)
                SaveCheckpoint(iteration, elapsed, lastValidation, network, optimizer);
        }

        double totalSeconds = elapsedBefore + clock.Elapsed.TotalSeconds;
        SaveCheckpoint(iteration, totalSeconds, lastValidation, network, optimizer);
        double finalPsnr = lastValidation ?? double.NaN;
        if (iteration > start) SaveModel(network, iteration, totalSeconds, finalPsnr, validation.BaselinePsnr, transferred);
        TrainingCurve.Write(_options.CurvePath, $"{_options.Architecture} on {_options.Degradation} ({Recipe.Name})", log.Entries);
        double trainedSeconds = clock.Elapsed.TotalSeconds;
        return new TrainingResult
        {
            ModelPath = Path.GetFullPath(_options.OutputPath),
            Architecture = network.Spec,
            Degradation = degradation.Spec,
            Recipe = Recipe.Name,
            Iterations = iteration,
            ValidationPSNR = finalPsnr,
            BaselinePSNR = validation.BaselinePsnr,
            PatchesPerSecond = trainedSeconds > 0 ? (iteration - start) * (double)batch / trainedSeconds : 0,
            Duration = TimeSpan.FromSeconds(totalSeconds),
            LogPath = Path.GetFullPath(_options.LogPath),
            CurvePath = Path.GetFullPath(_options.CurvePath),
            Completed = completed && iteration >= _options.Iterations,
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

    /// <summary>Two parameter groups: every trainable parameter but the last layer's, then the last layer's, whose
    /// learning rate the papers set lower (AR-CNN, L4/L8: one tenth).</summary>
    torch.optim.Optimizer CreateOptimizer(RestorationNetwork network, out IReadOnlyList<(ParamGroup Group, double Factor)> groups)
    {
        var last = network.Layers[^1];
        var lastParams = new HashSet<IntPtr>(new[] { last.Weight, last.Bias }.Where(t => t is not null).Select(t => t!.Handle));
        var trainable = network.parameters().Where(p => p.requires_grad).ToList();
        var body = trainable.Where(p => !lastParams.Contains(p.Handle)).ToList();
        var head = trainable.Where(p => lastParams.Contains(p.Handle)).ToList();
        torch.optim.Optimizer optimizer;
        if (Recipe.Optimizer == OptimizerKind.Sgd)
        {
            var sgd = new List<SGD.ParamGroup>();
            if (body.Count > 0) sgd.Add(new SGD.ParamGroup(body, lr: Recipe.LearningRate, momentum: Recipe.Momentum, weight_decay: Recipe.WeightDecay));
            if (head.Count > 0) sgd.Add(new SGD.ParamGroup(head, lr: Recipe.LearningRate * Recipe.LastLayerLearningRateFactor, momentum: Recipe.Momentum, weight_decay: Recipe.WeightDecay));
            optimizer = torch.optim.SGD(sgd, Recipe.LearningRate, Recipe.Momentum);
        }
        else
        {
            var adam = new List<Adam.ParamGroup>();
            if (body.Count > 0) adam.Add(new Adam.ParamGroup(body, lr: Recipe.LearningRate, weight_decay: Recipe.WeightDecay));
            if (head.Count > 0) adam.Add(new Adam.ParamGroup(head, lr: Recipe.LearningRate * Recipe.LastLayerLearningRateFactor, weight_decay: Recipe.WeightDecay));
            optimizer = torch.optim.Adam(adam, Recipe.LearningRate);
        }
        var factors = new List<double>();
        if (body.Count > 0) factors.Add(1.0);
        if (head.Count > 0) factors.Add(Recipe.LastLayerLearningRateFactor);
        groups = optimizer.ParamGroups.Select((g, i) => ((ParamGroup)g, factors[i])).ToList();
        return optimizer;
    }

    /// <summary>Stops before step one when this process's CPU kernels give the network wrong gradients: oneDNN then
    /// runs uncapped because a restore came first (see <see cref="OneDnn"/>), and training would silently diverge.</summary>
    static void EnsureExactGradients(RestorationNetwork network, int batch, int patch)
    {
        if (GradientCheck.CpuBackwardIsExact(network, 1, Math.Min(batch, 2), Math.Min(patch, 48))) return;
        throw new InvalidOperationException(
            "This session's CPU convolution kernels give wrong training gradients on this processor: a restore earlier in the " +
            "session loaded oneDNN's fastest kernels, whose backward pass is broken here. Train in a new session (restores " +
            "there run slower), or set ONEDNN_MAX_CPU_ISA=AVX before the module loads.");
    }

    double LearningRateAt(int iteration)
    {
        double lr = Recipe.LearningRate;
        if (Recipe.DecayEvery > 0) lr *= Math.Pow(Recipe.DecayFactor, (iteration - 1) / Recipe.DecayEvery);
        int warmup = Math.Min(Recipe.WarmupIterations, _options.Iterations / 10);
        if (iteration <= warmup) lr *= 0.01 + 0.99 * iteration / warmup;
        if (Recipe.CosineDecay)
            lr *= 0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * (iteration - 1) / _options.Iterations));
        return lr;
    }

    static void SetLearningRates(IReadOnlyList<(ParamGroup Group, double Factor)> groups, double learningRate)
    {
        foreach (var (group, factor) in groups) group.LearningRate = learningRate * factor;
    }

    void SaveCheckpoint(int iteration, double elapsed, double? lastValidation, RestorationNetwork network, torch.optim.Optimizer optimizer) =>
        Checkpoint.Save(_options.CheckpointPath,
            new CheckpointState(iteration, _options.Architecture, _options.Degradation, Recipe.Name, _options.Seed, elapsed, lastValidation),
            network, (OptimizerHelper)optimizer);

    void EnsureSameRun(CheckpointState state)
    {
        if (state.Architecture != _options.Architecture || state.Degradation != _options.Degradation
            || state.Recipe != Recipe.Name || state.Seed != _options.Seed)
            throw new InvalidOperationException(
                $"The checkpoint '{_options.CheckpointPath}' is from a different run ({state.Architecture}, {state.Degradation}, " +
                $"{state.Recipe}, seed {state.Seed}); resume with the same settings or choose another -OutputPath.");
    }

    void SaveModel(RestorationNetwork network, int iterations, double seconds, double validationPsnr, double baselinePsnr, IReadOnlyList<string> transferred)
    {
        var metadata = new ModelMetadata
        {
            Name = _options.ModelName ?? Path.GetFileNameWithoutExtension(_options.OutputPath),
            Architecture = network.Spec,
            Degradation = Degradations.Parse(_options.Degradation).Spec,
            Recipe = Recipe.Name,
            Iterations = iterations,
            TrainingSeconds = seconds,
            ValidationPsnr = Finite(validationPsnr),
            BaselinePsnr = Finite(baselinePsnr),
            Description = _options.Description ?? $"{network.Spec} trained on {_options.TrainingFiles.Count} images for {_options.Degradation}",
            Extra = new Dictionary<string, string>
            {
                ["seed"] = _options.Seed.ToString(),
                ["training_images"] = _options.TrainingFiles.Count.ToString(),
                ["validation_images"] = _options.ValidationFiles.Count.ToString(),
                ["transferred_from"] = _options.InitializeFrom is null ? "" : Path.GetFileName(_options.InitializeFrom),
                ["transferred_layers"] = string.Join(",", transferred),
            },
        };
        ModelFile.Save(_options.OutputPath, network, metadata);
    }
}

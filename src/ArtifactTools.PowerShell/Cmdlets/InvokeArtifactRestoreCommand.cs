using System.Diagnostics;
using System.Management.Automation;
using ArtifactTools.FileSystem;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.PowerShell.Completion;
using ArtifactTools.PowerShell.Infrastructure;
using ArtifactTools.Restoration;
using ArtifactTools.Runtime;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Invoke-ArtifactRestore: restores files, every output planned before any is written (<see cref="OutputPlanner"/>).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "ArtifactRestore", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(RestoreResult))]
public sealed class InvokeArtifactRestoreCommand : FileProcessingCmdlet, IDisposable
{
    /// <summary>A model name (see Get-ArtifactModel; tab-completed) or a model file (.safetensors).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ModelNameCompleter))]
    public string? Model { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputDirectory { get; set; }

    /// <summary>With -OutputDirectory: the folder whose structure is mirrored under it (an input in SourceRoot/2023/a.jpg
    /// goes to OutputDirectory/2023/a.png). Unset: the inputs' common folder when they span several folders.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SourceRoot { get; set; }

    /// <summary>Appended to the base name of each output, e.g. '-restored' gives photo-restored.png.</summary>
    [Parameter]
    public string Suffix { get; set; } = "";

    /// <summary>Png (default, lossless), Jpeg, WebP, Tiff, Bmp, or SameAsInput; extensions (jpg, tif) work too.</summary>
    [Parameter]
    [ImageFormatName]
    public ImageFileFormat Format { get; set; } = ImageFileFormat.Png;

    /// <summary>Quality of JPEG or WebP output (1..100; default 95 for JPEG, 90 for WebP).</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int? Quality { get; set; }

    /// <summary>0..1: how much of the network's change to keep; below 1 counters over-smoothing.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Strength { get; set; } = 1.0;

    /// <summary>Largest tile side in pixels (memory stays bounded by the tile, not the image). Unset: the fastest for
    /// the model and device (cache-sized tiles on a CPU, 1024 on a GPU).</summary>
    [Parameter]
    [ValidateRange(16, 8192)]
    public int? TileSize { get; set; }

    [Parameter]
    public DeviceChoice Device { get; set; } = DeviceChoice.Auto;

    /// <summary>Averages the model over the 8 flips and rotations of the image: about 8x the time for a little more
    /// quality (bench/README.md). Both networks of a colour restore; overrides -ChromaOrientations.</summary>
    [Parameter]
    public SwitchParameter Ensemble { get; set; }

    /// <summary>How many orientations (1..8) the colour model averages chroma over: 2 (the image and its transpose) by
    /// default; 1 is the fastest colour restore, 6 measured the best chroma (bench/README.md).</summary>
    [Parameter]
    [ValidateRange(1, SelfEnsemble.Transforms)]
    public int ChromaOrientations { get; set; } = RestoreOptions.DefaultChromaOrientations;

    /// <summary>Skips the JPEG quantization-constraint projection (by default a JPEG's restored luminance is projected
    /// into the DCT coefficient intervals its quantization tables allow).</summary>
    [Parameter]
    public SwitchParameter NoProjection { get; set; }

    /// <summary>Float32, BFloat16 (inner layers in bfloat16: faster on CPUs with AVX-512 BF16 or AMX), or
    /// Auto (default): bfloat16 only where this machine measured it faster and as exact (once per CPU and model).</summary>
    [Parameter]
    public InferencePrecision Precision { get; set; } = InferencePrecision.Auto;

    /// <summary>Restores one file after another on the pipeline thread instead of decoding the next and encoding the
    /// previous file while the current one restores (same outputs and records; for comparison and troubleshooting).</summary>
    [Parameter(DontShow = true)]
    public SwitchParameter Sequential { get; set; }

    /// <summary>Unset (default): colour JPEGs also get their chroma restored by the shipped colour model for their
    /// quality and chroma sampling; other inputs keep their colour. Y: luminance only (chroma kept as decoded).
    /// YCbCr: restore chroma of every colour input (non-JPEG inputs are taken as 4:2:0). Gray stays gray.</summary>
    [Parameter]
    public ColorMode? ColorMode { get; set; }

    /// <summary>Restores again inputs whose output (our own, stamped file) exists. Never overwrites anything else.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The clean original of the input, not used for restoring: carried into RestoreResult.ReferencePath so that
    /// New-DegradedImage | Invoke-ArtifactRestore | Measure-ImageQuality compares with the original, not the JPEG.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("SourcePath")]
    public string? ReferencePath { get; set; }

    readonly Dictionary<string, Restorer> _restorers = new(StringComparer.Ordinal);
    readonly Dictionary<string, RestorationModel> _colorModels = new(StringComparer.Ordinal);
    readonly Dictionary<string, ColorRestorer> _colorRestorers = new(StringComparer.Ordinal);
    readonly List<(string Path, string? Reference)> _inputs = [];
    readonly HashSet<string> _seenInputs = new(RealPath.Comparer);
    readonly Dictionary<string, string?> _folderErrors = new(RealPath.Comparer);
    ModelCatalog _catalog = null!;
    OutputPlanner _planner = null!;
    string? _modelPath;
    string? _colorModelPath;
    string? _outputDirectory;
    TorchSharp.torch.Device _device = TorchSharp.torch.CPU;
    int _fileIndex;
    readonly Stopwatch _runClock = new();

    protected override void BeginProcessing()
    {
        if (Suffix.IndexOfAny(['/', '\\']) >= 0 || Suffix.Contains("..", StringComparison.Ordinal))
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException(
                    $"-Suffix '{Suffix}' must stay within the file name: no '/', '\\' or '..'."),
                "InvalidSuffix", ErrorCategory.InvalidArgument, Suffix));
        NativeRuntime.Prepare(Workload.Restore);
        try { _device = ComputeDevice.Resolve(Device); }
        catch (InvalidOperationException ex)
        {
            ThrowTerminatingError(ErrorRecords.Create(ex, "DeviceUnavailable", ErrorCategory.ResourceUnavailable, Device));
        }
        if (Quality is not null && Format is not (ImageFileFormat.Jpeg or ImageFileFormat.WebP or ImageFileFormat.SameAsInput))
            WriteWarning($"-Quality applies to JPEG and WebP output; {Format} ignores it.");
        _catalog = ModelCatalog.Default();
        if (OutputDirectory is not null) _outputDirectory = PathResolution.ResolveOutput(this, OutputDirectory);
        if (Model is not null) _modelPath = ResolveModel(Model);
        // A colour model named with -Model restores chroma; luminance still gets the model for each file's quality.
        if (_modelPath is not null && ColorRestorer.IsColorModel(ModelFile.ReadMetadata(_modelPath)))
            (_colorModelPath, _modelPath) = (_modelPath, null);
    }

    /// <summary>A model file path for -Model: an existing file, else a catalog name.</summary>
    string ResolveModel(string model) => ModelReference.Resolve(this, model, _catalog);

    /// <summary>Collects the run: every output is planned knowing all inputs (none may be overwritten, and a re-run of
    /// Get-ChildItem never meets a file this run wrote), and progress can say "file i of n".</summary>
    protected override void AcceptFile(string path)
    {
        if (!_seenInputs.Add(RealPath.Of(path)))
        {
            WriteVerbose($"'{path}' is listed more than once; it is restored once.");
            return;
        }
        _inputs.Add((path, Reference()));
    }

    protected override void EndProcessing()
    {
        var sourceRoot = SourceRoot is null ? null : PathResolution.ResolveOutput(this, SourceRoot);
        _planner = new OutputPlanner(new OutputLayout(_outputDirectory, sourceRoot, Suffix, Format, Force), _inputs.Select(i => i.Path).ToList());
        if (_planner.MirrorRootInferred)
            WriteWarning($"The inputs come from several folders: their structure under '{_planner.MirrorRoot}' is mirrored in '{_outputDirectory}'. " +
                         "Pass -SourceRoot to fix that root for every run.");
        if (_outputDirectory is not null && _inputs.Count > 0 && (Directory.Exists(_outputDirectory) || ShouldProcess(_outputDirectory, "Create output folder")))
        {
            try { WritableFolder.Ensure(_outputDirectory); }
            catch (IOException ex)
            {
                ThrowTerminatingError(ErrorRecords.Create(ex, "OutputNotWritable", ErrorCategory.WriteError, _outputDirectory));
            }
        }

        _runClock.Start();
        var jobs = _inputs.Select((input, index) => new FileJob(index, input.Path, input.Reference)).ToList();
        var stages = new FileStages<FileJob, DecodedFile, RestoredFile>
        {
            Plan = Plan,
            Decode = DecodeFile,
            Restore = RestoreFile,
            Encode = EncodeFile,
            Fail = (job, ex) => WriteError(ErrorRecords.ForFile(ex, job.Path)),
            Stopping = () => Stopping,
        };
        try { stages.Run(jobs, overlap: !Sequential); }
        catch (OperationCanceledException) when (Stopping) { return; }
        WriteProgress(new ProgressRecord(1, "Restoring images", "Done") { RecordType = ProgressRecordType.Completed });
        DisposeModels();
    }

    /// <summary>One input of the run and what was decided for it; <see cref="Work"/> adds up its stages' time.</summary>
    sealed class FileJob(int index, string path, string? reference)
    {
        public int Index { get; } = index;
        public string Path { get; } = path;
        public string? Reference { get; } = reference;
        public OutputDecision Decision { get; set; } = null!;
        public TimeSpan Work { get; set; }
    }

    sealed record DecodedFile(RasterImage Image, int? Quality, QuantizationConstraint? Constraint, ChromaSampling? Sampling);
    sealed record RestoredFile(RasterImage Image, string Model, int? Quality);

    /// <summary>Pipeline thread, in input order: the output decision, -WhatIf/-Confirm and the output folder's check.
    /// Null when the file is to be restored; else what to write at its turn.</summary>
    Action? Plan(FileJob job)
    {
        var decision = job.Decision = _planner.Decide(job.Path);
        switch (decision.Action)
        {
            case OutputAction.Fail:
                return () => WriteError(ErrorRecords.Create(new IOException(decision.Reason), decision.ErrorId!,
                    decision.ErrorId == "OutsideSourceRoot" ? ErrorCategory.InvalidArgument : ErrorCategory.ResourceExists, job.Path));
            case OutputAction.Skip:
                return () =>
                {
                    WriteVerbose($"'{job.Path}': skipped, {decision.Reason}.");
                    WriteObject(new RestoreResult(decision.Target, job.Path, "", null, 0, 0, TimeSpan.Zero, RestoreStatus.Skipped, job.Reference, decision.Reason));
                };
        }
        if (!ShouldProcess(decision.Target, $"Restore '{job.Path}'")) return () => { };
        if (FolderError(System.IO.Path.GetDirectoryName(decision.Target)!) is { } folderError)
            return () => WriteError(ErrorRecords.Create(new IOException(folderError), "OutputNotWritable", ErrorCategory.WriteError, job.Path));
        return null;
    }

    /// <summary>Worker thread: reads the file, estimates its JPEG quality and decodes it.</summary>
    DecodedFile DecodeFile(FileJob job)
    {
        var clock = Stopwatch.StartNew();
        var bytes = File.ReadAllBytes(job.Path);
        int? quality = JpegQualityEstimator.EstimateDetailed(bytes)?.Quality;
        var sampling = ChromaSampling.ReadFromJpeg(bytes);
        var constraint = NoProjection ? null : QuantizationConstraint.FromJpeg(bytes);
        var image = ImageCodec.Decode(bytes, job.Path);
        job.Work += clock.Elapsed;
        return new DecodedFile(image, quality, constraint, sampling);
    }

    /// <summary>Pipeline thread: picks (and loads) the model and restores, reporting tiles as the file's progress.</summary>
    RestoredFile RestoreFile(FileJob job, DecodedFile decoded)
    {
        var clock = Stopwatch.StartNew();
        _fileIndex = job.Index;
        var fileName = System.IO.Path.GetFileName(job.Path);
        WriteFileProgress(fileName, "Restoring", null);
        var restorer = RestorerFor(decoded.Quality);
        var options = new RestoreOptions
        {
            TileSize = TileSize,
            Strength = Strength,
            Precision = Precision,
            Ensemble = Ensemble,
            ChromaOrientations = ChromaOrientations,
            QuantizationConstraint = decoded.Constraint,
            Progress = new TileProgress(this, fileName),
        };
        var (colorModelPath, colorReason) = ColorModelChoice.Choose(ColorMode, decoded.Image.ColorModel, decoded.Quality, decoded.Sampling, _catalog, _colorModelPath);
        WriteVerbose($"'{fileName}': {(colorModelPath is null ? "chroma kept as decoded" : "chroma restored")}: {colorReason}.");
        // The decoded input is ours: restored in place, no second copy.
        RasterImage output;
        string modelName;
        if (colorModelPath is null)
            (output, modelName) = (restorer.RestoreInPlace(decoded.Image, options, PipelineStopToken), restorer.Model.Name);
        else
        {
            var colorRestorer = ColorRestorerFor(restorer, colorModelPath);
            (output, modelName) = (colorRestorer.RestoreInPlace(decoded.Image, options, PipelineStopToken), colorRestorer.Name);
        }
        job.Work += clock.Elapsed;
        return new RestoredFile(output, modelName, decoded.Quality);
    }

    /// <summary>Worker thread: writes the stamped output atomically; the result is written at the file's turn.</summary>
    Action EncodeFile(FileJob job, RestoredFile restored)
    {
        var clock = Stopwatch.StartNew();
        var (decision, image) = (job.Decision, restored.Image);
        var stamp = OutputPlanner.StampFor(job.Path, decision.Target, restored.Model);
        ImageCodec.Write(image, decision.Target, new ImageEncoding(decision.Format, Quality, Comment: stamp.ToText()));
        job.Work += clock.Elapsed;
        var result = new RestoreResult(decision.Target, job.Path, restored.Model, restored.Quality, image.Width, image.Height,
            job.Work, RestoreStatus.Restored, job.Reference);
        return () => WriteObject(result);
    }

    protected override void ProcessFile(string path) =>
        throw new InvalidOperationException("Invoke-ArtifactRestore collects its files and runs them through FileStages.");

    string? Reference() => string.IsNullOrEmpty(ReferencePath) ? null : PathResolution.ResolveOutput(this, ReferencePath);

    /// <summary>Creates and probes each output folder once, before any file's work is spent on it; null when writable.</summary>
    string? FolderError(string folder)
    {
        if (!_folderErrors.TryGetValue(folder, out var error))
        {
            try { WritableFolder.Ensure(folder); }
            catch (IOException ex) { error = ex.Message; }
            _folderErrors[folder] = error;
        }
        return error;
    }

    /// <summary>The restorer for -Model or for the detected quality; each model file loads once per run.</summary>
    Restorer RestorerFor(int? quality)
    {
        var modelPath = _modelPath ?? _catalog.SelectFor(quality).Path;
        if (_restorers.TryGetValue(modelPath, out var cached)) return cached;
        WriteVerbose($"Loading model '{modelPath}' on {_device}.");
        var model = ModelFile.Load(modelPath, _device);
        try
        {
            var restorer = new Restorer(model, ownsModel: true);
            _restorers[modelPath] = restorer;
            return restorer;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The luma restorer paired with the colour model in this file; each model loads once per run.</summary>
    ColorRestorer ColorRestorerFor(Restorer luma, string path)
    {
        var key = luma.Model.Path + "|" + path;
        if (_colorRestorers.TryGetValue(key, out var cached)) return cached;
        if (!_colorModels.TryGetValue(path, out var model))
        {
            WriteVerbose($"Loading colour model '{path}' on {_device}.");
            model = _colorModels[path] = ModelFile.Load(path, _device);
        }
        return _colorRestorers[key] = new ColorRestorer(luma, model);
    }

    /// <summary>"file i of n", the share of files done (tiles within the file), and the time left at this run's pace.</summary>
    void WriteFileProgress(string fileName, string status, int? tilePercent)
    {
        var done = _fileIndex + (tilePercent ?? 0) / 100.0;
        var elapsed = _runClock.Elapsed.TotalSeconds;
        WriteProgress(new ProgressRecord(1, "Restoring images", $"{fileName} (file {_fileIndex + 1} of {_inputs.Count})")
        {
            CurrentOperation = status,
            PercentComplete = (int)(100 * done / Math.Max(1, _inputs.Count)),
            SecondsRemaining = done > 0 ? (int)(elapsed / done * (_inputs.Count - done)) : -1,
        });
    }

    /// <summary>PowerShell disposes the cmdlet however the pipeline ends (also after Ctrl+C, when EndProcessing is skipped;
    /// Ctrl+C cancels PipelineStopToken, so the restore stops at the next tile and nothing is written for that file).</summary>
    public void Dispose() => DisposeModels();

    void DisposeModels()
    {
        foreach (var restorer in _restorers.Values) restorer.Dispose();
        _restorers.Clear();
        _colorRestorers.Clear();
        foreach (var model in _colorModels.Values) model.Dispose();
        _colorModels.Clear();
    }

    /// <summary>Reports tiles on the pipeline thread (the restore runs there), as the file's progress.</summary>
    sealed class TileProgress(InvokeArtifactRestoreCommand cmdlet, string fileName) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            if (value.Total > 1)
                cmdlet.WriteFileProgress(fileName, $"Tile {value.Done} of {value.Total}", 100 * value.Done / value.Total);
        }
    }
}

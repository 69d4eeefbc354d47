using System.Diagnostics;
using System.Management.Automation;
using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.PowerShell.Completion;
using ArtifactTools.PowerShell.Infrastructure;
using ArtifactTools.Restoration;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>
/// Removes compression artifacts from images. Without -Model, a JPEG's quality is estimated from its quantization tables
/// and the shipped model trained for the nearest quality is used; other inputs get the shipped general (blind) model.
/// Writes &lt;name&gt;&lt;Suffix&gt;.png (lossless) into -OutputDirectory (default: beside the input), or another -Format.
/// Never overwrites an input (an output that would be the input gets '.restored' in its name); existing outputs are
/// skipped (a Skipped result is emitted) unless -Force, so a scheduled re-run only does new files. Outputs are written
/// atomically; Ctrl+C leaves no partial file. Models load once per run and are reused for every file.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ArtifactRestore", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(RestoreResult))]
public sealed class InvokeArtifactRestoreCommand : FileProcessingCmdlet, IDisposable
{
    const string CollisionSuffix = ".restored";

    /// <summary>A model name (see Get-ArtifactModel; tab-completed) or a model file (.safetensors).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ModelNameCompleter))]
    public string? Model { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputDirectory { get; set; }

    /// <summary>Appended to the base name of each output, e.g. '-restored' gives photo-restored.png.</summary>
    [Parameter]
    public string Suffix { get; set; } = "";

    /// <summary>Png (default, lossless), Jpeg, WebP, Tiff, Bmp, or SameAsInput.</summary>
    [Parameter]
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
    /// quality (bench/README.md).</summary>
    [Parameter]
    public SwitchParameter Ensemble { get; set; }

    /// <summary>Skips the JPEG quantization-constraint projection (by default a JPEG's restored luminance is projected
    /// into the DCT coefficient intervals its quantization tables allow).</summary>
    [Parameter]
    public SwitchParameter NoProjection { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The clean original of the input, not used for restoring: carried into RestoreResult.ReferencePath so that
    /// New-DegradedImage | Invoke-ArtifactRestore | Measure-ImageQuality compares with the original, not the JPEG.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("SourcePath")]
    public string? ReferencePath { get; set; }

    readonly Dictionary<string, Restorer> _restorers = new(StringComparer.Ordinal);
    readonly HashSet<string> _written = new(StringComparer.Ordinal);
    readonly CancellationTokenSource _cancel = new();
    ModelCatalog _catalog = null!;
    string? _modelPath;
    string? _outputDirectory;
    TorchSharp.torch.Device _device = TorchSharp.torch.CPU;
    int _fileCount;

    protected override void BeginProcessing()
    {
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
    }

    /// <summary>A model file path for -Model: an existing file, else a catalog name.</summary>
    string ResolveModel(string model)
    {
        var asPath = PathResolution.ResolveOutput(this, model);
        if (File.Exists(asPath)) return asPath;
        if (_catalog.Find(model) is { } info) return info.Path;
        ThrowTerminatingError(ErrorRecords.Create(new ItemNotFoundException(
                $"No model file or model named '{model}'. Get-ArtifactModel lists the models; or pass a .safetensors file."),
            "ModelNotFound", ErrorCategory.ObjectNotFound, model));
        return null!;
    }

    protected override void ProcessFile(string path)
    {
        var clock = Stopwatch.StartNew();
        var fileName = System.IO.Path.GetFileName(path);
        _fileCount++;
        var (target, encoding) = OutputFor(path);

        if (File.Exists(target) && !Force)
        {
            WriteVerbose($"'{target}' exists; skipped (use -Force to overwrite).");
            WriteObject(new RestoreResult(target, path, "", null, 0, 0, clock.Elapsed, RestoreStatus.Skipped, Reference()));
            return;
        }
        if (!_written.Add(target))
            throw new IOException($"'{path}' would overwrite '{target}', written from another input with the same base name in this run; use -Suffix or -OutputDirectory.");
        if (!ShouldProcess(target, $"Restore '{path}'")) return;

        WriteFileProgress(fileName, "Reading", null);
        var bytes = File.ReadAllBytes(path);
        int? quality = JpegQualityEstimator.EstimateDetailed(bytes)?.Quality;
        var constraint = NoProjection ? null : QuantizationConstraint.FromJpeg(bytes);
        var input = ImageCodec.Decode(bytes, path);
        bytes = null; // the decoded planes are all we need from here on; let a large file's bytes go

        var restorer = RestorerFor(quality);
        var options = new RestoreOptions
        {
            TileSize = TileSize,
            Strength = Strength,
            Ensemble = Ensemble,
            QuantizationConstraint = constraint,
            Progress = new TileProgress(this, fileName),
        };
        var output = restorer.RestoreInPlace(input, options, _cancel.Token); // the decoded input is ours: no second copy

        WriteFileProgress(fileName, "Writing", null);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        ImageCodec.Write(output, target, encoding);
        WriteObject(new RestoreResult(target, path, restorer.Model.Name, quality, output.Width, output.Height, clock.Elapsed, RestoreStatus.Restored, Reference()));
    }

    string? Reference() => string.IsNullOrEmpty(ReferencePath) ? null : PathResolution.ResolveOutput(this, ReferencePath);

    /// <summary>Where a file's result goes: &lt;dir&gt;/&lt;name&gt;&lt;Suffix&gt;&lt;ext&gt;, never the input itself.</summary>
    (string Target, ImageEncoding Encoding) OutputFor(string path)
    {
        var format = Format == ImageFileFormat.SameAsInput ? FormatOf(path) : Format;
        var directory = _outputDirectory ?? System.IO.Path.GetDirectoryName(path)!;
        var stem = System.IO.Path.GetFileNameWithoutExtension(path) + Suffix;
        var extension = ImageEncoding.ExtensionOf(format);
        var target = System.IO.Path.Combine(directory, stem + extension);
        if (SamePath(target, path)) target = System.IO.Path.Combine(directory, stem + CollisionSuffix + extension);
        return (target, new ImageEncoding(format, Quality));
    }

    static ImageFileFormat FormatOf(string path)
    {
        try { return ImageEncoding.FormatFromExtension(path); }
        catch (ArgumentException) { return ImageFileFormat.Png; }
    }

    static bool SamePath(string a, string b) => string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b),
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

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

    void WriteFileProgress(string fileName, string status, int? percent) =>
        WriteProgress(new ProgressRecord(1, "Restoring images", $"{fileName} (file {_fileCount})")
        {
            CurrentOperation = status,
            PercentComplete = percent ?? -1,
        });

    protected override void EndProcessing()
    {
        WriteProgress(new ProgressRecord(1, "Restoring images", "Done") { RecordType = ProgressRecordType.Completed });
        DisposeModels();
    }

    protected override void StopProcessing()
    {
        _cancel.Cancel(); // the restore stops at the next tile; nothing has been written for that file yet
        base.StopProcessing();
    }

    /// <summary>PowerShell disposes the cmdlet however the pipeline ends (also after Ctrl+C, when EndProcessing is skipped).</summary>
    public void Dispose()
    {
        DisposeModels();
        _cancel.Dispose();
    }

    void DisposeModels()
    {
        foreach (var restorer in _restorers.Values) restorer.Dispose();
        _restorers.Clear();
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

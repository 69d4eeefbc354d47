using System.Management.Automation;
using ArtifactTools.Degradation;
using ArtifactTools.FileSystem;
using ArtifactTools.Imaging;
using ArtifactTools.PowerShell.Infrastructure;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>New-DegradedImage: compressed copies of images, or a papers-style benchmark folder.</summary>
[Cmdlet(VerbsCommon.New, "DegradedImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(DegradedImageResult))]
public sealed class NewDegradedImageCommand : FileProcessingCmdlet
{
    [Parameter]
    [ValidateRange(1, 100)]
    public int[] Quality { get; set; } = [];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Degradation { get; set; } = [];

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = "";

    [Parameter]
    public SwitchParameter Grayscale { get; set; }

    /// <summary>Seed for quality ranges ('jpeg:5-95'), so a benchmark set can be regenerated exactly.</summary>
    [Parameter]
    public int? Seed { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    List<ICompressingDegradation> _degradations = [];
    string _output = "";
    bool _subfolders;
    Random _random = Random.Shared;
    readonly HashSet<string> _written = new(StringComparer.Ordinal);

    protected override void BeginProcessing()
    {
        try
        {
            _degradations = Quality.Select(q => (ICompressingDegradation)new JpegDegradation(q))
                .Concat(Degradation.Select(Degradations.Parse))
                .DistinctBy(d => d.Spec).ToList();
        }
        catch (FormatException ex)
        {
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException(ex.Message, nameof(Degradation), ex),
                "InvalidDegradation", ErrorCategory.InvalidArgument, Degradation));
        }
        if (_degradations.Count == 0)
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException("Give -Quality (e.g. 10,20) or -Degradation (e.g. 'jp2:0.3')."),
                "NoDegradation", ErrorCategory.InvalidArgument, null));
        _output = PathResolution.ResolveOutput(this, OutputDirectory);
        _subfolders = _degradations.Count > 1 || Grayscale;
        if (Seed is { } seed) _random = new Random(seed);
    }

    protected override void ProcessFile(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var clean = ImageCodec.Read(path);
        string sourcePath = path;
        if (Grayscale)
        {
            clean = RasterImage.Gray(ColorConversion.Luma(clean));
            sourcePath = WriteReference(clean, System.IO.Path.Combine(_output, "ref"), name, path);
        }

        for (int i = 0; i < _degradations.Count; i++)
        {
            if (Stopping) return;
            WriteProgress(new ProgressRecord(1, "Degrading images", $"{System.IO.Path.GetFileName(path)}: {_degradations[i].Spec}")
            { PercentComplete = 100 * i / _degradations.Count });
            WriteDegraded(path, clean, sourcePath, _degradations[i]);
        }
    }

    /// <summary>One degraded copy of <paramref name="path"/>. The writers' rule, as Invoke-ArtifactRestore's: an input
    /// is never overwritten, not even with -Force; an existing output is skipped with a result that says so.</summary>
    void WriteDegraded(string path, RasterImage clean, string sourcePath, ICompressingDegradation degradation)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var folder = _subfolders ? System.IO.Path.Combine(_output, Degradations.FolderName(degradation)) : _output;
        var compressed = degradation.Compress(clean, _random);
        var target = System.IO.Path.Combine(folder, name + ImageEncoding.ExtensionOf(compressed.Format));
        if (RealPath.Same(target, path))
            throw new IOException($"'{path}' would be overwritten by its own {compressed.AppliedSpec} copy; inputs are never overwritten, not even with -Force. Use another -OutputDirectory.");
        if (!_written.Add(target))
            throw new IOException($"'{path}' would overwrite '{target}', written from another input with the same base name in this run.");
        var referenceFolder = System.IO.Path.Combine(folder, "ref");
        if (File.Exists(target) && !Force)
        {
            const string reason = "it exists; -Force writes it again";
            WriteVerbose($"'{target}': skipped, {reason}.");
            var reference = degradation is RescaleDegradation ? System.IO.Path.Combine(referenceFolder, name + ".png") : sourcePath;
            long bytes = new FileInfo(target).Length;
            double bitsPerPixel = bytes * 8.0 / ((double)compressed.Reference.Width * compressed.Reference.Height);
            WriteObject(new DegradedImageResult(target, reference, compressed.AppliedSpec, bytes, bitsPerPixel, compressed.Quality,
                DegradedImageStatus.Skipped, reason));
            return;
        }
        if (!ShouldProcess(target, $"Write {compressed.AppliedSpec} copy of '{path}'")) return;

        var written = degradation is RescaleDegradation ? WriteReference(compressed.Reference, referenceFolder, name, path) : sourcePath;
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(target, compressed.Bytes);
        WriteObject(new DegradedImageResult(target, written, compressed.AppliedSpec, compressed.Bytes.Length,
            compressed.BitsPerPixel, compressed.Quality));
    }

    protected override void EndProcessing() =>
        WriteProgress(new ProgressRecord(1, "Degrading images", "Done") { RecordType = ProgressRecordType.Completed });

    /// <summary>Writes a clean reference as PNG (lossless) unless it is there already and -Force is absent.</summary>
    string WriteReference(RasterImage reference, string folder, string name, string input)
    {
        var target = System.IO.Path.Combine(folder, name + ".png");
        if ((!File.Exists(target) || Force) && _written.Add(target) && ShouldProcess(target, $"Write the reference of '{input}'"))
        {
            Directory.CreateDirectory(folder);
            ImageCodec.Write(reference, target, ImageEncoding.Png);
        }
        return target;
    }
}

using System.Management.Automation;
using ArtifactTools.Imaging;
using ArtifactTools.Metrics;
using ArtifactTools.PowerShell.Infrastructure;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Measure-ImageQuality: PSNR, SSIM and PSNR-B against references paired by base name.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "ImageQuality", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ImageQualityResult), typeof(ImageQualitySummary))]
public sealed class MeasureImageQualityCommand : FileProcessingCmdlet
{
    /// <summary>Extensions tried, in order, for a reference in a directory: lossless first.</summary>
    static readonly string[] ReferencePreference = [".png", ".bmp", ".tif", ".tiff", ".webp", ".jp2", ".jpg", ".jpeg"];

    // No [ValidateNotNullOrEmpty]: a restore result without a reference binds null here, which must reach the clear
    // "no reference" error below rather than fail binding (or fall back to its SourcePath, the JPEG it restored).
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("SourcePath", "Reference")]
    public string? ReferencePath { get; set; }

    [Parameter]
    public MetricChannel Channel { get; set; } = MetricChannel.Y;

    [Parameter]
    public SwitchParameter Summary { get; set; }

    readonly List<ImageQualityResult> _results = [];
    int _done;

    protected override void ProcessFile(string path)
    {
        if (string.IsNullOrEmpty(ReferencePath))
            throw new ArgumentException($"No reference for '{path}': give -ReferencePath, or pipe objects with a ReferencePath or SourcePath property (New-DegradedImage output, or Invoke-ArtifactRestore output of such input).");
        var reference = ResolveReference(path);
        WriteProgress(new ProgressRecord(1, "Measuring image quality", System.IO.Path.GetFileName(path)) { PercentComplete = -1 });

        // Compared as displayed: a restored PNG carries its EXIF orientation in its pixels, its JPEG source as a tag.
        var test = DisplayOrientation.Apply(ImageCodec.Read(path));
        var clean = DisplayOrientation.Apply(ImageCodec.Read(reference));
        if (clean.Width != test.Width || clean.Height != test.Height)
            throw new ArgumentException(
                $"'{path}' is {test.Width}x{test.Height} but its reference '{reference}' is {clean.Width}x{clean.Height}.");
        var scores = ImageMetrics.Measure(clean, test, Channel);
        var result = new ImageQualityResult(path, reference, scores.Psnr, scores.Ssim, scores.PsnrB, test.Width, test.Height, Channel);
        _done++;
        if (Summary) _results.Add(result); else WriteObject(result);
    }

    protected override void EndProcessing()
    {
        WriteProgress(new ProgressRecord(1, "Measuring image quality", $"{_done} measured") { RecordType = ProgressRecordType.Completed });
        if (Summary) WriteObject(ImageQualitySummary.Of(_results, Channel));
    }

    string ResolveReference(string testPath)
    {
        var resolved = PathResolution.ResolveExisting(this, ReferencePath!, literal: true, out var error);
        if (error is not null || resolved.Count == 0)
            throw new FileNotFoundException($"The reference '{ReferencePath}' does not exist.", ReferencePath);
        var reference = resolved[0];
        if (File.Exists(reference)) return reference;

        var name = System.IO.Path.GetFileNameWithoutExtension(testPath);
        var candidates = Directory.EnumerateFiles(reference, name + ".*")
            .Where(f => System.IO.Path.GetFileNameWithoutExtension(f) == name
                && !string.Equals(System.IO.Path.GetFullPath(f), System.IO.Path.GetFullPath(testPath), StringComparison.Ordinal))
            .Select(f => (File: f, Rank: Array.IndexOf(ReferencePreference, System.IO.Path.GetExtension(f).ToLowerInvariant())))
            .Where(c => c.Rank >= 0)
            .OrderBy(c => c.Rank).ThenBy(c => c.File, StringComparer.Ordinal)
            .ToList();
        return candidates.Count > 0 ? candidates[0].File
            : throw new FileNotFoundException($"No reference image named '{name}.*' in '{reference}' for '{testPath}'.", testPath);
    }
}

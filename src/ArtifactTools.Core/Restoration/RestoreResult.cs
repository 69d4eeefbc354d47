namespace ArtifactTools.Restoration;

/// <summary>One restored (or skipped) file. <see cref="Path"/> is the output and <see cref="SourcePath"/> the degraded
/// input (for a skipped file, the existing output or the input itself). <see cref="Reason"/> says why a file was
/// skipped. <see cref="ReferencePath"/> is the clean original when the input came with one (New-DegradedImage output):
/// Measure-ImageQuality binds it by name, so degrade | restore | measure scores the restored file against the original.</summary>
public sealed record RestoreResult(
    string Path,
    string SourcePath,
    string Model,
    int? DetectedQuality,
    int Width,
    int Height,
    TimeSpan Duration,
    RestoreStatus Status,
    string? ReferencePath = null,
    string? Reason = null);

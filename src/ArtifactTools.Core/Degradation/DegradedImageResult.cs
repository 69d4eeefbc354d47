namespace ArtifactTools.Degradation;

/// <summary>One degraded file written (or skipped) by New-DegradedImage. SourcePath is the clean image to compare it
/// with (the input itself, or the written Y / rescaled reference), so the result pipes straight into
/// Measure-ImageQuality or Invoke-ArtifactRestore; a skipped file's result describes the file already there, and
/// <see cref="Reason"/> says why it was skipped.</summary>
public sealed record DegradedImageResult(string Path, string SourcePath, string Degradation, long Bytes, double BitsPerPixel, int? Quality,
    DegradedImageStatus Status = DegradedImageStatus.Written, string? Reason = null);

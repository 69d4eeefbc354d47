namespace ArtifactTools.Degradation;

/// <summary>One degraded file written by New-DegradedImage. SourcePath is the clean image to compare it with (the
/// input itself, or the written Y / rescaled reference), so the result pipes straight into Measure-ImageQuality.</summary>
public sealed record DegradedImageResult(string Path, string SourcePath, string Degradation, long Bytes, double BitsPerPixel, int? Quality);

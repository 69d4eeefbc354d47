namespace ArtifactTools.Restoration;

public enum RestoreStatus { Restored, Skipped }

/// <summary>One restored (or skipped) file. <see cref="Path"/> is the output, so results pipe into Measure-ImageQuality.</summary>
public sealed record RestoreResult(
    string Path,
    string SourcePath,
    string Model,
    int? DetectedQuality,
    int Width,
    int Height,
    TimeSpan Duration,
    RestoreStatus Status);

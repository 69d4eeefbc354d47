namespace ArtifactTools.Restoration;

/// <summary>What calibration chose for one network on this machine, and the evidence.</summary>
public sealed record InferenceChoice(
    string Network, int Threads, InferencePrecision Precision, int TileSize, double MegapixelsPerSecond,
    double Float32MegapixelsPerSecond, double? BFloat16RmsGreyLevels, double? BFloat16MaxGreyLevels,
    IReadOnlyList<TileCandidate> Candidates, string Cpu, DateTime MeasuredUtc);

namespace ArtifactTools.Training;

/// <summary>The outcome of a run (also what Start-ArtifactTraining emits).</summary>
public sealed record TrainingResult
{
    public required string ModelPath { get; init; }
    public required string Architecture { get; init; }
    public required string Degradation { get; init; }
    public required string Recipe { get; init; }
    public required int Iterations { get; init; }
    public double ValidationPSNR { get; init; }
    public double BaselinePSNR { get; init; }
    /// <summary>ValidationPSNR - BaselinePSNR: the papers' IPSNR.</summary>
    public double IPSNR => ValidationPSNR - BaselinePSNR;
    public double PatchesPerSecond { get; init; }
    public TimeSpan Duration { get; init; }
    public required string LogPath { get; init; }
    public required string CurvePath { get; init; }
    public bool Completed { get; init; } = true;
}

namespace ArtifactTools.Training;

/// <summary>Reported after each iteration.</summary>
public sealed record TrainingProgress(int Iteration, int TotalIterations, double Loss, double? ValidationPsnr,
    double? BaselinePsnr, TimeSpan Elapsed, TimeSpan? Remaining, string Phase);

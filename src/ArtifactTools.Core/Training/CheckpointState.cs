namespace ArtifactTools.Training;

/// <summary>What a run needs to continue exactly where it stopped: iteration, network, optimizer state. Randomness is
/// derived from (seed, iteration), so nothing else is needed for a resumed run to equal an uninterrupted one.</summary>
public sealed record CheckpointState(int Iteration, string Architecture, string Degradation, string Recipe, int Seed,
    double ElapsedSeconds, double? LastValidationPsnr);

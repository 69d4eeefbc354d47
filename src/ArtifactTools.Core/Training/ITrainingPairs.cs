namespace ArtifactTools.Training;

/// <summary>Training pairs a trainer draws batches from: the papers' Y pairs (<see cref="PreparedPairs"/>) or colour
/// pairs (<see cref="ColorPairs"/>).</summary>
public interface ITrainingPairs : IDisposable
{
    /// <summary>Image channels of each patch (1: Y; 3: Y, Cb, Cr).</summary>
    int Channels { get; }

    /// <summary>Fills one batch with random patches (N x C x P x P, row-major, scaled to 0..1), each in a random one of
    /// the 8 flips and rotations when <paramref name="orientations"/> is set (<see cref="PatchSymmetry"/>).</summary>
    void SampleBatch(Random random, int batchSize, int patchSize, Span<float> degraded, Span<float> clean, bool orientations = false);
}

using ArtifactTools.Training;

namespace ArtifactTools.Notebooks;

/// <summary>A paper's number for the same measurement on the paper's test set: the restored PSNR and the PSNR of the
/// input it restored (JPEG at the same quality), so that gains can be compared across test sets.</summary>
public sealed record PaperScore(double Psnr, double InputPsnr)
{
    public double Gain => Psnr - InputPsnr;
}

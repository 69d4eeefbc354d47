using ArtifactTools.Models;
using ArtifactTools.Training;

namespace ArtifactTools.Notebooks;

/// <summary>One finished training run of a notebook: what the <see cref="Trainer"/> returned and its per-iteration log,
/// turned into the papers' curves.</summary>
public sealed record TrainingRun(string Label, TrainingResult Result, IReadOnlyList<TrainingLogEntry> Log, int BatchSize)
{
    /// <summary>Validation PSNR against iterations: the convergence curves of paper 000 Fig. 7 and 15-17, paper 002 Fig. 6.</summary>
    public Series ValidationCurve(string? name = null) => Series.From(name ?? Label,
        Log.Where(e => e.ValidationPsnr is not null).Select(e => ((double)e.Iteration, e.ValidationPsnr!.Value)));

    /// <summary>Training loss against iterations, optionally of one phase only ("train" or CAS-CNN's "fine-tune").</summary>
    public Series LossCurve(string? name = null, string? phase = null) => Series.From(name ?? Label,
        Log.Where(e => phase is null || e.Phase == phase).Select(e => ((double)e.Iteration, e.Loss)));

    /// <summary>The trained model, ready for a <see cref="Restoration.Restorer"/>.</summary>
    public RestorationModel LoadModel() => ModelFile.Load(Result.ModelPath);
}

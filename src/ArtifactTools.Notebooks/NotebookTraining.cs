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

/// <summary>
/// Runs <see cref="Trainer"/> for the notebooks: models, logs and the prepared-patch cache go to out/notebooks under the
/// repository (ignored by git), so a re-run reuses the cache and the trained files stay for a look afterwards.
/// </summary>
public static class NotebookTraining
{
    const int ProgressFromIterations = 500;

    public static string WorkFolder => Path.Combine(NotebookData.RepositoryRoot, "out", "notebooks");

    /// <summary>Where a run named <paramref name="name"/> writes its model (log and curve sit beside it).</summary>
    public static string OutputPath(string name) => Path.Combine(WorkFolder, name + ModelFile.Extension);

    public static TrainingRun Run(string label, TrainingOptions options)
    {
        // Tiny-budget runs (the automated test) use one thread: batches of a few 32x32 patches gain nothing from a
        // second one, and on a CPU shared with other jobs OpenMP's waiting threads made them about 5x slower.
        int? threads = options.Threads is null && NotebookSettings.Budget == NotebookBudget.Tiny ? 1 : options.Threads;
        var trainer = new Trainer(options with { CacheDirectory = options.CacheDirectory ?? Path.Combine(WorkFolder, "cache"), Threads = threads });
        // Long runs say how far they are (ten lines per run); the kernel shows console output under the cell.
        int every = Math.Max(1, options.Iterations / 10);
        if (options.Iterations >= ProgressFromIterations)
            trainer.Progress += p =>
            {
                if (p.Iteration % every == 0)
                    Console.WriteLine($"{label}: iteration {p.Iteration}/{p.TotalIterations}, loss {p.Loss:G4}, " +
                                      $"validation PSNR {p.ValidationPsnr:F2} dB, about {p.Remaining:hh\\:mm\\:ss} left");
            };
        var result = trainer.Run();
        return new TrainingRun(label, result, TrainingLog.Read(result.LogPath), options.Recipe.BatchSize);
    }
}

using ArtifactTools.Models;
using ArtifactTools.Training;

namespace ArtifactTools.Notebooks;

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

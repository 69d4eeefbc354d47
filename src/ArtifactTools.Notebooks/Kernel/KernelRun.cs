using System.Diagnostics;

namespace ArtifactTools.Notebooks.Kernel;

/// <summary>How one run of a notebook in the kernel went: the notebook with its outputs, the wall time, and what the
/// kernel host printed (its exit code is not a verdict: a failing cell shows up as an error output).</summary>
public sealed record KernelRun(string OutputNotebookPath, TimeSpan Elapsed, int ExitCode, string Log)
{
    public ExecutedNotebook Load() => ExecutedNotebook.Load(OutputNotebookPath);
}

namespace ArtifactTools.Runtime;

/// <summary>
/// The one place where process-wide native settings are made. Each entry point declares once, before it first uses
/// torch or ImageMagick, what the process will do: the module on import (<see cref="Workload.None"/>, the user has not
/// said yet), then each cmdlet as it starts (Invoke-ArtifactRestore: Restore, Start-ArtifactTraining: Train); notebook
/// sessions and the test run declare Restore | Train at start. The console host imports the module, so the module's
/// declaration covers it. No constructor or method elsewhere changes process-wide state.
/// </summary>
/// <remarks>
/// Order matters and is kept here: oneDNN's instruction-set cap (<see cref="OneDnn"/>) is set before libtorch loads
/// (it is read once, at the first convolution; set after a load CAS-CNN occasionally computed NaN), then libtorch and
/// LibTorchSharp load (<see cref="TorchRuntime"/>), ImageMagick's native library becomes findable without a deps.json
/// (<see cref="MagickNative"/>), and glibc's malloc is tuned (<see cref="MallocTuning"/>) only for a process that
/// restores and has never declared training.
/// </remarks>
public static class NativeRuntime
{
    static readonly object Gate = new();

    /// <summary>Everything this process has declared so far.</summary>
    public static Workload Declared { get; private set; }

    /// <summary>Declares <paramref name="workload"/> for this process and applies what follows from all declarations
    /// so far; idempotent and thread-safe. Declaring training measures (once per CPU model) which oneDNN cap trains
    /// exactly (<see cref="TrainingKernels"/>). A declaration of training after a restore has run comes too late for the
    /// cap; training then checks its gradients (<c>GradientCheck</c>) and stops with a clear message.</summary>
    public static void Prepare(Workload workload)
    {
        lock (Gate)
        {
            var before = Declared;
            Declared |= workload;
            OneDnn.Apply(Declared, before);
            MagickNative.EnsureResolvable();
            TorchRuntime.EnsureLoaded();
            if (Declared == Workload.Restore) MallocTuning.Apply();
        }
    }
}

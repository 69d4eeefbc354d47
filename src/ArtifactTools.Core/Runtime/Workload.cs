namespace ArtifactTools.Runtime;

/// <summary>What a process does with libtorch; <see cref="NativeRuntime.Prepare"/> derives its native settings from it.</summary>
[Flags]
public enum Workload
{
    /// <summary>Nothing decided yet: natives findable and loaded, no process-wide tuning.</summary>
    None = 0,
    /// <summary>Runs networks forward (Invoke-ArtifactRestore, benchmarks).</summary>
    Restore = 1,
    /// <summary>Trains networks (Start-ArtifactTraining; notebook sessions and the test run do both).</summary>
    Train = 2,
}

using System.Runtime.CompilerServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Notebooks;

/// <summary>
/// The notebook sessions' entry point: they train as well as restore, so they declare both before anything touches
/// libtorch or ImageMagick (see <see cref="NativeRuntime"/>). Runs when this assembly is first used.
/// </summary>
public static class TrainingSessionSetup
{
    /// <summary>Idempotent.</summary>
#pragma warning disable CA2255 // the first use of this assembly is exactly when a notebook session starts
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Apply() => NativeRuntime.Prepare(Workload.Restore | Workload.Train);
}

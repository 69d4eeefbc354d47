using System.Runtime.CompilerServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Tests.Support;

static class TestProcessSetup
{
    /// <summary>This process trains and restores side by side, like a notebook session; it says so before any test
    /// touches libtorch (see <see cref="NativeRuntime"/>).</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void SetUpForTraining() => NativeRuntime.Prepare(Workload.Restore | Workload.Train);
#pragma warning restore CA2255
}

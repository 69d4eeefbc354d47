using System.Runtime.CompilerServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Tests.Support;

static class TestProcessSetup
{
    /// <summary>This process trains and restores side by side, so, like a notebook session, it asks for oneDNN's
    /// exact kernels before its first convolution and keeps glibc's malloc defaults (see <see cref="OneDnn"/> and
    /// <see cref="MallocTuning"/>).</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void SetUpForTraining()
    {
        OneDnn.PreferExactKernels();
        MallocTuning.OptOut();
    }
#pragma warning restore CA2255
}

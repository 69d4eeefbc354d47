using System.Runtime.CompilerServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Notebooks;

static class NotebookProcessSetup
{
    /// <summary>Notebook sessions train as well as restore, so they ask for oneDNN's exact kernels before their first
    /// convolution and keep glibc's malloc defaults (see <see cref="OneDnn"/> and <see cref="MallocTuning"/>): training
    /// is then exact and stable, restores run slower than in the module.</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void SetUpForTraining()
    {
        OneDnn.PreferExactKernels();
        MallocTuning.OptOut();
    }
#pragma warning restore CA2255
}

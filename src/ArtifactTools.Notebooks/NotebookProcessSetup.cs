using System.Runtime.CompilerServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Notebooks;

static class NotebookProcessSetup
{
    /// <summary>Notebook sessions train as well as restore, so they ask for oneDNN's exact kernels before their first
    /// convolution (see <see cref="OneDnn"/>): training is then exact, restores run slower than in the module.</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void PreferExactKernels() => OneDnn.PreferExactKernels();
#pragma warning restore CA2255
}

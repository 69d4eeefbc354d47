using System.Runtime.CompilerServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Tests.Support;

static class TestProcessSetup
{
    /// <summary>This process trains and restores side by side, so, like a notebook session, it asks for oneDNN's
    /// exact kernels before its first convolution (see <see cref="OneDnn"/>).</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void PreferExactKernels() => OneDnn.PreferExactKernels();
#pragma warning restore CA2255
}

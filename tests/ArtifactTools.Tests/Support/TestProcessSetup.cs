using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Tests.Support;

static class TestProcessSetup
{
    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>This process trains and restores side by side, so, like a notebook session, it caps oneDNN at AVX
    /// before libtorch loads (touching any Core type loads it, so this uses its own setenv first) and keeps glibc's
    /// malloc defaults (see <see cref="OneDnn"/> and <see cref="MallocTuning"/>).</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void SetUpForTraining()
    {
        if (OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA")))
            SetNativeEnvironment("ONEDNN_MAX_CPU_ISA", "AVX", 0);
        MallocTuning.OptOut();
    }
#pragma warning restore CA2255
}

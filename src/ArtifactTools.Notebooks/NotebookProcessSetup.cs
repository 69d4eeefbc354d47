using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Notebooks;

static class NotebookProcessSetup
{
    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>Notebook sessions train as well as restore, so they cap oneDNN at AVX before libtorch loads (touching
    /// any Core type loads it, so this uses its own setenv first) and keep glibc's malloc defaults (see
    /// <see cref="OneDnn"/> and <see cref="MallocTuning"/>): training is then exact and stable, restores run slower
    /// than in the module.</summary>
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

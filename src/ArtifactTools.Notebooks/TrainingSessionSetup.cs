using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArtifactTools.Runtime;

namespace ArtifactTools.Notebooks;

/// <summary>
/// For processes that train as well as restore (notebook sessions, the test run): caps oneDNN at AVX before libtorch
/// loads and keeps glibc's malloc defaults (see <see cref="OneDnn"/> and <see cref="MallocTuning"/>). Training is then
/// exact and stable; restores run slower than in the module. Runs when this assembly is first used.
/// </summary>
public static class TrainingSessionSetup
{
    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>Idempotent; call it before any Core type is touched (touching one loads libtorch), which is why the
    /// cap goes through this class's own setenv.</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Apply()
    {
        if (OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA")))
            SetNativeEnvironment("ONEDNN_MAX_CPU_ISA", "AVX", 0);
        MallocTuning.OptOut();
    }
}

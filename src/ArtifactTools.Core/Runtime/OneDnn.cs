using System.Runtime.InteropServices;

namespace ArtifactTools.Runtime;

/// <summary>
/// Which instruction set oneDNN, the library behind libtorch's CPU convolutions, may use.
/// </summary>
/// <remarks>
/// On the AMD EPYC (AVX-512) machines this project is built on, oneDNN's AVX-512 and AVX2 convolution BACKWARD kernels
/// return wrong or NaN gradients for layers with few output channels (every network's last 16->1 layer): against a
/// float64 reference AR-CNN's gradients are NaN or 30% off, L8's 20-47%. Its FORWARD kernels for the shipped networks are
/// exact (within 1e-4 grey levels of float64, tested) and restore about 4x faster than oneDNN capped at AVX, whose
/// backward is exact. oneDNN reads its cap once, when it creates its first kernel, so the cap is a per-process choice:
/// restoring processes run uncapped; training asks for the cap before the process's first convolution
/// (<see cref="PreferExactKernels"/>), and then checks its gradients against float64 (<c>GradientCheck</c>) and stops
/// with a clear error where a restore came first. Processes that mix both on purpose (tests, notebooks) ask for the
/// cap when they start.
/// </remarks>
public static class OneDnn
{
    const string IsaVariable = "ONEDNN_MAX_CPU_ISA", ExactIsa = "AVX";

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>The instruction-set cap the user chose with ONEDNN_MAX_CPU_ISA, if any (it always wins).</summary>
    public static string? UserIsa { get; } = Environment.GetEnvironmentVariable(IsaVariable) is { Length: > 0 } isa ? isa : null;

    /// <summary>
    /// Caps oneDNN at AVX, whose convolution backward is exact here, unless the user chose a cap. Takes effect only
    /// before the process's first CPU convolution; later it changes nothing. Best before libtorch loads (tests and
    /// notebook sessions set the variable themselves then): set after, CAS-CNN occasionally computed NaN here. Restores
    /// in the same process then run slower (about 4x on AVX-512 machines), so only training calls it.
    /// </summary>
    public static void PreferExactKernels()
    {
        if (UserIsa is not null || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
        SetNativeEnvironment(IsaVariable, ExactIsa, 0);
    }
}

using System.Runtime.InteropServices;

namespace ArtifactTools.Runtime;

/// <summary>
/// Which instruction set oneDNN, the library behind libtorch's CPU convolutions, may use. This is the one place that
/// tells the story and makes the choice (<see cref="CapFor"/>).
/// </summary>
/// <remarks>
/// On the AMD EPYC (AVX-512) machines this project is built on, oneDNN's AVX-512 and AVX2 convolution BACKWARD kernels
/// return wrong or NaN gradients for layers with few output channels (every network's last 16->1 layer): against a
/// float64 reference AR-CNN's gradients are NaN or 30% off, L8's 20-47%. Its FORWARD kernels for the shipped networks are
/// exact (within 1e-4 grey levels of float64, tested) and restore about 4x faster than oneDNN capped at AVX, whose
/// backward is exact. oneDNN reads its cap once, when it creates its first kernel, so the cap is a per-process choice,
/// made by <see cref="NativeRuntime.Prepare"/> from the declared <see cref="Workload"/>: processes that only restore run
/// uncapped; a process that trains (Start-ArtifactTraining, notebook sessions, the test run) is capped before libtorch
/// loads. Training checks its gradients against float64 (<c>GradientCheck</c>) before step one and stops with a clear
/// error where the cap came too late (a restore ran first in the same session).
/// </remarks>
public static class OneDnn
{
    const string IsaVariable = "ONEDNN_MAX_CPU_ISA", ExactIsa = "AVX";

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>The instruction-set cap the user chose with ONEDNN_MAX_CPU_ISA, if any (it always wins).</summary>
    public static string? UserIsa { get; } = Environment.GetEnvironmentVariable(IsaVariable) is { Length: > 0 } isa ? isa : null;

    /// <summary>The cap for a process doing <paramref name="workload"/>; null leaves oneDNN uncapped. Training needs
    /// exact backward kernels (AVX here); restoring wants the fastest forward ones. A choice measured per machine
    /// (e.g. by <c>GradientCheck</c>) replaces this rule, and only this rule.</summary>
    public static string? CapFor(Workload workload) => workload.HasFlag(Workload.Train) ? ExactIsa : null;

    /// <summary>Sets the cap for <paramref name="workload"/> unless the user chose one. Effective only before the
    /// process's first CPU convolution; best before libtorch loads, which is why only NativeRuntime calls it.</summary>
    internal static void Apply(Workload workload)
    {
        if (UserIsa is not null || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
        if (CapFor(workload) is { } isa) SetNativeEnvironment(IsaVariable, isa, 0);
    }
}

using System.Runtime.InteropServices;

namespace ArtifactTools.Runtime;

/// <summary>
/// Which instruction set oneDNN, the library behind libtorch's CPU convolutions, may use. This is the one place that
/// tells the story and makes the choice (<see cref="CapFor"/>).
/// </summary>
/// <remarks>
/// On the AMD EPYC (AVX-512) machines this project was first built on, oneDNN's AVX-512 and AVX2 convolution BACKWARD
/// kernels returned wrong or NaN gradients for layers with few output channels (every network's last 16->1 layer):
/// against a float64 reference AR-CNN's gradients were NaN or 30% off, L8's 20-47%. On Intel Xeons, and on the AMD EPYC
/// Zen 4 measured on 2026-11-29, the same kernels are exact and training runs several times faster uncapped. The
/// FORWARD kernels are exact everywhere measured (float32 rounding: within 1e-5 of the output's magnitude of float64,
/// tested; about 0.001 grey levels on an AVX2-only Zen 3), so processes that only restore run uncapped. oneDNN reads
/// its cap once, when it creates its first kernel, so the cap is a per-process choice, made by
/// <see cref="NativeRuntime.Prepare"/> from the declared <see cref="Workload"/>: a process that trains gets the cap measured for this CPU (<see cref="TrainingKernels"/>:
/// probed in child processes once per CPU model and libtorch build, then cached). Training still checks its own
/// network's gradients against float64 (<c>GradientCheck</c>) before step one and stops with a clear error where the
/// cap came too late (a restore ran first in the same session) or the verdict does not hold for that network.
/// </remarks>
public static class OneDnn
{
    public const string IsaVariable = "ONEDNN_MAX_CPU_ISA";

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>The instruction-set cap the user chose with ONEDNN_MAX_CPU_ISA, if any (it always wins).</summary>
    public static string? UserIsa { get; } = Environment.GetEnvironmentVariable(IsaVariable) is { Length: > 0 } isa ? isa : null;

    static readonly Lazy<string?> MeasuredTrainingCap = new(() =>
        TrainingKernels.Cap(TuningCache.ForThisMachine, KernelProbeProcess.Run, message => Status?.Invoke(message)));

    /// <summary>Told what is being measured (the first training process on a new CPU model probes for a few seconds).</summary>
    public static event Action<string>? Status;

    /// <summary>The cap this process set for training, once set (null: none, oneDNN runs everything the CPU has).</summary>
    public static string? AppliedCap { get; private set; }

    /// <summary>True once this process set its training cap before any restore could have run (training declared
    /// before or together with restoring), so the cap is in force; false where a restore may have come first.</summary>
    public static bool CappedForTraining { get; private set; }

    static bool _decided;

    /// <summary>The cap for a process doing <paramref name="workload"/>; null leaves oneDNN uncapped. Training needs
    /// exact backward kernels: the fastest cap measured exact on this CPU. Restoring wants the fastest forward ones.</summary>
    public static string? CapFor(Workload workload) => workload.HasFlag(Workload.Train) ? MeasuredTrainingCap.Value : null;

    /// <summary>Sets the cap for <paramref name="workload"/> unless the user chose one. Effective only before the
    /// process's first CPU convolution; best before libtorch loads, which is why only NativeRuntime calls it.</summary>
    internal static void Apply(Workload workload, Workload before)
    {
        if (UserIsa is not null || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || _decided) return;
        if (!workload.HasFlag(Workload.Train)) return;
        _decided = true;
        AppliedCap = CapFor(workload);
        CappedForTraining = !before.HasFlag(Workload.Restore);
        if (AppliedCap is { } isa) SetNativeEnvironment(IsaVariable, isa, 0);
    }
}

using System.Runtime.InteropServices;

namespace ArtifactTools.Runtime;

/// <summary>
/// Controls over oneDNN, the library libtorch runs CPU convolutions through.
/// </summary>
/// <remarks>
/// Why this exists. On the AMD EPYC (AVX-512) machines this project is built on, oneDNN's AVX-512 and AVX2 convolution
/// BACKWARD kernels return wrong or NaN gradients for layers with few output channels (every network's last 16->1
/// layer): against a float64 reference AR-CNN's gradients are NaN or 30% off and L8's 20-47% off. Its FORWARD kernels
/// are exact (within 1e-4 grey levels of float64) and AVX-512 restores about 4x faster than oneDNN capped at AVX.
/// So inference runs uncapped, and training does two things (see <c>Trainer</c>): it asks for the AVX cap before the
/// process's first convolution (<see cref="PreferExactKernels"/>: exact, and the fastest CPU backward), and it checks
/// its network's gradients against float64 before step one; where they are wrong (the cap came too late because
/// something ran a convolution first, or another CPU misbehaves) its backward runs with oneDNN suspended
/// (<see cref="Suspend"/>: libtorch's own im2col + GEMM path, exact but about 2.5x slower).
/// </remarks>
public static class OneDnn
{
    const string IsaVariable = "ONEDNN_MAX_CPU_ISA", ExactIsa = "AVX";

    // Itanium C++ ABI names of at::globalContext() and at::Context::{set,}userEnabledMkldnn (stable across libtorch 2.x;
    // TorchSharp has no binding for them).
    const string GlobalContextSymbol = "_ZN2at13globalContextEv";
    const string SetEnabledSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";
    const string GetEnabledSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate IntPtr GlobalContextFn();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate void SetEnabledFn(IntPtr context, [MarshalAs(UnmanagedType.I1)] bool enabled);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] [return: MarshalAs(UnmanagedType.I1)] delegate bool GetEnabledFn(IntPtr context);

    static readonly object Gate = new();
    static (IntPtr Context, SetEnabledFn Set, GetEnabledFn Get)? _api;
    static bool _resolved;
    static int _suspensions;
    static bool _enabledBeforeSuspension;

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetNativeEnvironment(string name, string value, int overwrite);

    /// <summary>The instruction-set cap the user chose with ONEDNN_MAX_CPU_ISA, if any (it always wins).</summary>
    public static string? UserIsa { get; } = Environment.GetEnvironmentVariable(IsaVariable) is { Length: > 0 } isa ? isa : null;

    /// <summary>
    /// Caps oneDNN at AVX, whose convolution backward is exact here, unless the user chose a cap. oneDNN reads the cap
    /// when it creates its first kernel, so this only takes effect before the process's first CPU convolution (later it
    /// changes nothing, and the gradient check in training catches that). Restores in the same process then run slower.
    /// </summary>
    public static void PreferExactKernels()
    {
        if (UserIsa is not null || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
        SetNativeEnvironment(IsaVariable, ExactIsa, 0);
    }

    /// <summary>True when oneDNN can be switched off and on in the loaded libtorch (Linux builds export the switch).</summary>
    public static bool CanSuspend => Api is not null;

    /// <summary>
    /// Runs CPU convolutions without oneDNN until disposed (wrap a backward pass in it). Nested and concurrent scopes
    /// are counted; oneDNN comes back when the last one ends.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">The loaded libtorch does not export the switch.</exception>
    public static IDisposable Suspend()
    {
        if (Api is not { } api) throw new PlatformNotSupportedException("This libtorch does not export at::Context::setUserEnabledMkldnn.");
        lock (Gate)
        {
            if (_suspensions++ == 0)
            {
                _enabledBeforeSuspension = api.Get(api.Context);
                api.Set(api.Context, false);
            }
        }
        return new Suspension(api);
    }

    static (IntPtr Context, SetEnabledFn Set, GetEnabledFn Get)? Api
    {
        get
        {
            if (_resolved) return _api;
            lock (Gate)
            {
                if (_resolved) return _api;
                TorchRuntime.EnsureLoaded();
                _api = Resolve();
                _resolved = true;
                return _api;
            }
        }
    }

    static (IntPtr, SetEnabledFn, GetEnabledFn)? Resolve()
    {
        if (TorchRuntime.TorchCpuHandle is not { } handle
            && !NativeLibrary.TryLoad("libtorch_cpu.so", typeof(OneDnn).Assembly, null, out handle)) return null;
        if (!NativeLibrary.TryGetExport(handle, GlobalContextSymbol, out var global)
            || !NativeLibrary.TryGetExport(handle, SetEnabledSymbol, out var set)
            || !NativeLibrary.TryGetExport(handle, GetEnabledSymbol, out var get)) return null;
        var context = Marshal.GetDelegateForFunctionPointer<GlobalContextFn>(global)();
        return (context, Marshal.GetDelegateForFunctionPointer<SetEnabledFn>(set), Marshal.GetDelegateForFunctionPointer<GetEnabledFn>(get));
    }

    sealed class Suspension((IntPtr Context, SetEnabledFn Set, GetEnabledFn Get) api) : IDisposable
    {
        bool _disposed;

        public void Dispose()
        {
            lock (Gate)
            {
                if (_disposed) return;
                _disposed = true;
                if (--_suspensions == 0) api.Set(api.Context, _enabledBeforeSuspension);
            }
        }
    }
}

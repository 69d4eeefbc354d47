using System.Runtime.InteropServices;

namespace ArtifactTools.Runtime;

/// <summary>
/// Keeps glibc's malloc from handing every feature map back to the kernel. libtorch allocates each layer's output
/// (megabytes) with malloc; by default glibc serves such blocks with fresh mmap pages and trims freed heap at once, so
/// every tile of every layer page-faults its memory in again. Measured on this project's 2-core machine: AR-CNN
/// restores a 1024x1024 image in 2.7-3.3 s with the defaults and 0.95-1.05 s with blocks up to 32 MiB kept in the heap
/// and 512 MiB of free heap retained. Memory stays bounded: tiles bound the feature maps.
/// Applied by <see cref="NativeRuntime"/> to processes that only restore. Processes that also train (tests,
/// notebooks) keep glibc's defaults: with reused, non-zeroed heap memory, CAS-CNN's float32 and float64 CPU passes
/// occasionally returned NaN here (a read of uninitialised memory somewhere in libtorch that fresh zero pages hide);
/// the shipped networks' restores are bit-identical with and without it.
/// </summary>
public static class MallocTuning
{
    const int TrimThreshold = -1, MmapThreshold = -3; // mallopt parameters (malloc.h)
    const int MmapBytes = 32 << 20;                    // glibc's ceiling for M_MMAP_THRESHOLD on 64-bit
    const int RetainedFreeBytes = 512 << 20;

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int MallOpt(int parameter, int value);

    /// <summary>True once applied. Skipped where libc is not glibc and where the user tuned malloc
    /// (MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ set).</summary>
    public static bool Applied { get; private set; }

    internal static void Apply()
    {
        if (Applied || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
        if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null
            || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null) return;
        try
        {
            Applied = MallOpt(MmapThreshold, MmapBytes) == 1 & MallOpt(TrimThreshold, RetainedFreeBytes) == 1;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException) { /* not glibc */ }
    }
}

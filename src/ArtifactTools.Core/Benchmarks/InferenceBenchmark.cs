using System.Diagnostics;
using ArtifactTools.Networks;
using ArtifactTools.Restoration;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Benchmarks;

/// <summary>
/// Measurements behind bench/Invoke-Benchmark.ps1 that PowerShell cannot take itself: the bare network's speed, how far
/// its float32 CPU result is from a float64 reference (to vet fast kernels), and the process's peak memory.
/// </summary>
public static class InferenceBenchmark
{
    /// <summary>Best of <paramref name="repeats"/> forward passes on a random 1 x 1 x H x W input after one warm-up
    /// (the warm-up lets oneDNN build its kernels for this shape), in inference mode as <see cref="Restorer"/> runs.</summary>
    public static ForwardTiming TimeForward(RestorationNetwork network, int width, int height, int repeats = 3, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeats);
        device ??= CPU;
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var input = rand([1, 1, height, width], generator: new Generator(7)).to(device);
        Synchronize(network.forward(input), device);
        var best = TimeSpan.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Synchronize(network.forward(input), device);
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        return new ForwardTiming(network.Spec, width, height, get_num_threads(), best, width * (double)height / best.TotalSeconds / 1e6);
    }

    /// <summary>Peak resident memory of this process so far (VmHWM), in bytes; null where /proc is absent.</summary>
    public static long? PeakResidentBytes()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status)) return null;
        foreach (var line in File.ReadLines(Status))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
        return null;
    }

    /// <summary>Starts a new peak-memory measurement: Linux resets VmHWM to the current RSS when "5" is written to
    /// /proc/self/clear_refs. False where that is not possible (then the peak covers the whole process).</summary>
    public static bool ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    static void Synchronize(Tensor output, Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
        output.Dispose();
    }
}

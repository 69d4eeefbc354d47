namespace ArtifactTools.Runtime;

/// <summary>
/// Which oneDNN instruction-set cap a training process gets, decided by measurement per CPU and libtorch build instead
/// of by assumption. oneDNN fixes its kernels once per process, so each candidate cap, fastest first, is tried in a
/// child process (<see cref="KernelProbeProcess"/>) that runs the float64 gradient check on the papers' network families;
/// the first exact one wins and the verdict is cached (<see cref="TuningCache"/>). Where the uncapped kernels are exact
/// (Intel Xeons; this project's AMD EPYC Zen 4) training runs at full speed; where the AVX-512 backward kernels are
/// wrong for layers with few output channels (the AMD EPYCs this project was first built on), the probe finds the
/// fastest cap that is exact there.
/// </summary>
public static class TrainingKernels
{
    public const string CacheEntry = "training-isa";

    /// <summary>Caps tried in order, fastest first; "" lets oneDNN use everything the CPU has.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["", "AVX512_CORE", "AVX2", "AVX"];

    /// <summary>The cap used when nothing could be measured (no probe could run): exact on every CPU measured so far.</summary>
    public const string SafeCap = "AVX";

    /// <summary>The cap for training on this machine: the cached verdict, else measured with <paramref name="probe"/> and
    /// cached. An inconclusive probe (it could not run) gives <see cref="SafeCap"/> for this process and caches nothing.</summary>
    public static string? Cap(TuningCache cache, Func<string, IsaProbe> probe, Action<string>? status = null)
    {
        if (cache.Read<TrainingIsaVerdict>(CacheEntry) is { } known) return known.Cap;
        status?.Invoke($"Measuring which oneDNN kernels train exactly on this CPU ({CpuIdentity.Current.ModelName}; once per CPU model)");
        var probes = new List<IsaProbe>();
        foreach (var isa in Candidates)
        {
            var result = probe(isa);
            probes.Add(result);
            if (result.Exact is null) return SafeCap;
            if (result.Exact is true)
            {
                var cap = isa.Length == 0 ? null : isa;
                var cpu = CpuIdentity.Current;
                cache.Write(CacheEntry, new TrainingIsaVerdict(cap, cpu.ToString(), cpu.Isa, cpu.TorchBuild, probes, DateTime.UtcNow));
                return cap;
            }
        }
        return SafeCap; // nothing exact: keep the safest cap and let the trainer's own check speak
    }

    /// <summary>The cached verdict, if any (Get-ArtifactRuntime-style diagnostics, the benchmark).</summary>
    public static TrainingIsaVerdict? Cached(TuningCache cache) => cache.Read<TrainingIsaVerdict>(CacheEntry);

    /// <summary>Replaces the verdict with <see cref="SafeCap"/> after <paramref name="network"/> failed its own gradient
    /// check under <paramref name="cap"/> (a network the probes did not cover), so later sessions train exactly.</summary>
    public static void Demote(TuningCache cache, string? cap, string network)
    {
        var cpu = CpuIdentity.Current;
        var probes = (Cached(cache)?.Probes ?? []).Append(new IsaProbe(cap ?? "", false, $"{network} failed its gradient check in training"));
        cache.Write(CacheEntry, new TrainingIsaVerdict(SafeCap, cpu.ToString(), cpu.Isa, cpu.TorchBuild, probes.ToList(), DateTime.UtcNow));
    }
}

using ArtifactTools.Restoration;
using ArtifactTools.Runtime;

namespace ArtifactTools.Tests.Runtime;

/// <summary>Choices measured per machine: the training cap from probes, cached and read back; the cache itself.</summary>
public sealed class MachineTuningTests
{
    [Fact]
    public void Training_cap_is_the_first_exact_candidate_measured_once_and_then_read_back()
    {
        using var dir = new TempDirectory();
        var cache = new TuningCache(dir.Path);
        var probed = new List<string>();
        IsaProbe Probe(string isa)
        {
            probed.Add(isa);
            return new IsaProbe(isa, isa == "AVX2", isa == "AVX2" ? "ARCNN: exact" : "ARCNN: wrong");
        }

        Assert.Equal("AVX2", TrainingKernels.Cap(cache, Probe));
        Assert.Equal(["", "AVX512_CORE", "AVX2"], probed);
        Assert.Equal("AVX2", TrainingKernels.Cap(cache, Probe));
        Assert.Equal(3, probed.Count); // the second process reads the verdict instead of probing
        var verdict = TrainingKernels.Cached(cache)!;
        Assert.Equal([false, false, true], verdict.Probes.Select(p => p.Exact));
        Assert.Equal(CpuIdentity.Current.Isa, verdict.Isa);
    }

    [Fact]
    public void Uncapped_kernels_that_are_exact_leave_oneDNN_uncapped()
    {
        using var dir = new TempDirectory();
        Assert.Null(TrainingKernels.Cap(new TuningCache(dir.Path), isa => new IsaProbe(isa, true, "")));
    }

    [Fact]
    public void A_probe_that_cannot_run_gives_the_safe_cap_and_caches_nothing()
    {
        using var dir = new TempDirectory();
        var cache = new TuningCache(dir.Path);
        Assert.Equal(TrainingKernels.SafeCap, TrainingKernels.Cap(cache, isa => new IsaProbe(isa, null, "not found")));
        Assert.Null(TrainingKernels.Cached(cache));
    }

    [Fact]
    public void A_network_failing_under_the_verdict_demotes_it_to_the_safe_cap()
    {
        using var dir = new TempDirectory();
        var cache = new TuningCache(dir.Path);
        TrainingKernels.Cap(cache, isa => new IsaProbe(isa, true, ""));
        TrainingKernels.Demote(cache, null, "64(9)-1(5)");
        Assert.Equal(TrainingKernels.SafeCap, TrainingKernels.Cap(cache, _ => throw new InvalidOperationException("must not probe")));
    }

    [Fact]
    public void Cache_round_trips_records_and_ignores_damaged_entries()
    {
        using var dir = new TempDirectory();
        var cache = new TuningCache(dir.Path);
        var choice = new InferenceChoice("64(9)-1(5)", 2, InferencePrecision.BFloat16, 203, 1.5, 1.1, 0.2, 1.0,
            [new TileCandidate(InferencePrecision.Float32, 203, 1.1)], "cpu", DateTime.UtcNow);
        cache.Write("inference-x", choice);
        var back = cache.Read<InferenceChoice>("inference-x")!;
        Assert.Equal((InferencePrecision.BFloat16, 203), (back.Precision, back.TileSize));
        Assert.Equal(choice.Candidates, back.Candidates);
        File.WriteAllText(Path.Combine(dir.Path, "inference-y.json"), "{ not json");
        Assert.Null(cache.Read<InferenceChoice>("inference-y"));
    }

    [Fact]
    public void Cpu_key_names_the_model_and_is_safe_as_a_file_name()
    {
        var cpu = CpuIdentity.Current;
        Assert.Matches("^[a-z0-9-]+-[0-9a-f]{12}$", cpu.Key);
        Assert.Contains("TorchSharp", cpu.TorchBuild);
    }

    [Fact]
    public void Probe_program_runs_beside_Core_in_a_child_process_and_gives_a_verdict()
    {
        var result = KernelProbeProcess.Run("AVX");
        Assert.True(result.Exact is not null, result.Detail);
        Assert.Contains("ARCNN", result.Detail);
    }
}

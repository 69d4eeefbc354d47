using System.Diagnostics;
using ArtifactTools.Networks;
using ArtifactTools.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Measures, once per CPU model, libtorch build, network and thread count, which tile size and precision restore
/// fastest, instead of assuming one cache size for every CPU: on this project's AMD EPYC, oneDNN ran AR-CNN 5x faster
/// on ~200 px tiles than on a whole 1024 px image; on an Intel Xeon tiles made no difference. Candidates are the
/// tiles whose widest feature map fits 3..24 MiB (the cache-sized rule, <see cref="Restorer.RuleTileSize"/>, is one of
/// them), each timed in float32 and, where the CPU has bf16 arithmetic, in bfloat16; rounds are interleaved so that a
/// busy machine slows every candidate alike. bfloat16 is chosen only when it is at least 10% faster and its output on a
/// photo-like test image stays within 0.25 grey levels RMS of float32's (0.003 dB of PSNR at the papers' q10 errors).
/// A few seconds, cached in <see cref="TuningCache"/>.
/// </summary>
public static class InferenceCalibration
{
    static readonly long[] FeatureMapBudgets = [3L << 20, 6L << 20, 12L << 20, 24L << 20];
    const int Rounds = 2;
    const double RequiredSpeedup = 1.1, MaxBFloat16RmsGrey = 0.25;

    public static string CacheEntry(RestorationNetwork network, int threads) =>
        $"inference-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(network.Spec)))[..12]}-{threads}t";

    /// <summary>Tile sides (interiors) whose widest feature map, margins included, fits each budget.</summary>
    public static IReadOnlyList<int> CandidateTiles(RestorationNetwork network, int margin) =>
        FeatureMapBudgets.Select(b => Restorer.TileSizeFor(network, margin, b)).Distinct().ToList();

    /// <summary>Times every candidate; <paramref name="bfloat16"/> is null where bf16 is unavailable or unsupported.</summary>
    public static InferenceChoice Measure(RestorationNetwork float32, RestorationNetwork? bfloat16, int margin)
    {
        var tiles = CandidateTiles(float32, margin);
        var networks = new List<(InferencePrecision Precision, RestorationNetwork Network)> { (InferencePrecision.Float32, float32) };
        if (bfloat16 is not null) networks.Add((InferencePrecision.BFloat16, bfloat16));
        var best = new Dictionary<(InferencePrecision, int), double>();

        using var inference = inference_mode();
        foreach (var (_, network) in networks) // oneDNN builds kernels per shape: the first pass of each is not timed
            foreach (var tile in tiles) Time(network, tile + 2 * margin);
        for (int round = 0; round < Rounds; round++)
            foreach (var (precision, network) in networks)
                foreach (var tile in tiles)
                {
                    double mpx = tile * (double)tile / Time(network, tile + 2 * margin) / 1e6;
                    best[(precision, tile)] = Math.Max(best.GetValueOrDefault((precision, tile)), mpx);
                }

        var candidates = best.Select(kv => new TileCandidate(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();
        var fastest32 = candidates.Where(c => c.Precision == InferencePrecision.Float32).MaxBy(c => c.MegapixelsPerSecond)!;
        var choice = fastest32;
        (double Rms, double Max)? bfError = bfloat16 is null ? null : Difference(float32, bfloat16, tiles[^1] + 2 * margin);
        if (bfError is { } e && e.Rms <= MaxBFloat16RmsGrey
            && candidates.Where(c => c.Precision == InferencePrecision.BFloat16).MaxBy(c => c.MegapixelsPerSecond) is { } fastest16
            && fastest16.MegapixelsPerSecond >= RequiredSpeedup * fastest32.MegapixelsPerSecond)
            choice = fastest16;
        return new InferenceChoice(float32.Spec, get_num_threads(), choice.Precision, choice.TileSize, choice.MegapixelsPerSecond,
            fastest32.MegapixelsPerSecond, bfError?.Rms, bfError?.Max, candidates, CpuIdentity.Current.ToString(), DateTime.UtcNow);
    }

    static double Time(RestorationNetwork network, int side)
    {
        using var scope = NewDisposeScope();
        var input = TestImage(side);
        var clock = Stopwatch.StartNew();
        network.forward(input);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>RMS and largest difference, in grey levels, between the two networks' outputs on the test image.</summary>
    public static (double Rms, double Max) Difference(RestorationNetwork reference, RestorationNetwork other, int side)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var input = TestImage(side);
        var difference = (other.forward(input).to(ScalarType.Float64) - reference.forward(input).to(ScalarType.Float64)) * 255;
        return (difference.square().mean().sqrt().item<double>(), difference.abs().max().item<double>());
    }

    /// <summary>A photo-like 1 x 1 x side x side plane in 0..1: smooth shading, hard edges and fine texture, fixed by seed.</summary>
    public static Tensor TestImage(int side)
    {
        var generator = new Generator(11);
        var coarse = rand([1, 1, side / 16 + 2, side / 16 + 2], generator: generator);
        var shading = nn.functional.interpolate(coarse, [side, side], mode: InterpolationMode.Bilinear, align_corners: true);
        var edges = (rand([1, 1, side / 32 + 1, side / 32 + 1], generator: generator) > 0.5).to(ScalarType.Float32);
        var blocks = nn.functional.interpolate(edges, [side, side], mode: InterpolationMode.Nearest);
        var texture = rand([1, 1, side, side], generator: generator) * 0.08;
        return (0.6 * shading + 0.3 * blocks + texture).clamp(0, 1);
    }
}

using System.Security.Cryptography;
using System.Text;
using TorchSharp;

namespace ArtifactTools.Runtime;

/// <summary>
/// The processor (model name, vendor, family/model/stepping, instruction-set flags) and the libtorch build, as one key:
/// what oneDNN's kernels do depends on both, so measured choices (<see cref="TuningCache"/>) are cached per key.
/// Read from /proc/cpuinfo; elsewhere the model is "unknown" and nothing is cached across processes.
/// </summary>
public sealed record CpuIdentity(string ModelName, string Vendor, string Signature, IReadOnlySet<string> Flags, string TorchBuild)
{
    /// <summary>The instruction-set extensions that decide oneDNN's kernels, in the order they were added.</summary>
    static readonly string[] NotableFlags =
        ["avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8", "amx_fp16"];

    public static CpuIdentity Current { get; } = Read();

    /// <summary>True when the CPU has bfloat16 arithmetic (AVX-512 BF16 or AMX): oneDNN then has bf16 kernels.</summary>
    public bool HasBFloat16 => Flags.Contains("avx512_bf16") || Flags.Contains("amx_bf16");

    /// <summary>e.g. "avx2 fma avx512f avx512_vnni avx512_bf16" (the flags that matter to oneDNN).</summary>
    public string Isa => string.Join(' ', NotableFlags.Where(Flags.Contains)) is { Length: > 0 } isa ? isa : "none of " + string.Join('/', NotableFlags[..3]);

    /// <summary>File-name-safe key: a readable model name and a hash of everything that identifies CPU and libtorch.</summary>
    public string Key
    {
        get
        {
            var readable = new string(ModelName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
            while (readable.Contains("--")) readable = readable.Replace("--", "-");
            var all = $"{ModelName}|{Vendor}|{Signature}|{string.Join(',', Flags.Order(StringComparer.Ordinal))}|{TorchBuild}";
            return $"{readable.Trim('-')}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..12].ToLowerInvariant()}";
        }
    }

    public override string ToString() => $"{ModelName} ({Vendor}, {Signature}; {Isa})";

    static CpuIdentity Read()
    {
        string model = "unknown", vendor = "unknown", family = "?", number = "?", stepping = "?";
        var flags = new HashSet<string>(StringComparer.Ordinal);
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            // The first processor's block describes them all (one model per machine).
            foreach (var line in File.ReadLines(CpuInfo).TakeWhile(l => l.Length > 0))
            {
                int colon = line.IndexOf(':');
                if (colon < 0) continue;
                var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
                switch (name)
                {
                    case "model name": model = value; break;
                    case "vendor_id": vendor = value; break;
                    case "cpu family": family = value; break;
                    case "model": number = value; break;
                    case "stepping": stepping = value; break;
                    case "flags": flags.UnionWith(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                }
            }
        }
        var torchBuild = $"TorchSharp {typeof(torch).Assembly.GetName().Version}" +
            (Environment.GetEnvironmentVariable(TorchRuntime.LibTorchVariable) is { Length: > 0 } custom ? $" with {custom}" : "");
        return new CpuIdentity(model, vendor, $"family {family} model {number} stepping {stepping}", flags, torchBuild);
    }
}

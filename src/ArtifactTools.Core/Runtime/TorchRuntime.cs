using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ArtifactTools.FileSystem;
using TorchSharp;

namespace ArtifactTools.Runtime;

/// <summary>
/// Makes TorchSharp's native backend load on any supported host: an app with a deps.json, a PowerShell binary
/// module (which ignores deps.json) and Roslyn scripting. On Linux systems whose libstdc++ predates GCC 13
/// (Debian 12), LibTorchSharp is loaded from a patched copy (see <see cref="ElfSymbolVersionPatcher"/>).
/// </summary>
public static class TorchRuntime
{
    const string LibTorchSharp = "libLibTorchSharp.so";
    const string NewestCxxVersion = "GLIBCXX_3.4.32";
    static readonly object Gate = new();
    static bool _loaded;
    static IntPtr _libTorchSharp;
    static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set to a folder of libtorch shared libraries (for example PyTorch's torch/lib, which carries CUDA) to use
    /// them instead of the packaged CPU build. Its libtorch must be ABI-compatible with TorchSharp's (2.10.x).</summary>
    public const string LibTorchVariable = "ARTIFACTTOOLS_LIBTORCH";

    /// <summary>Where the natives were found, for diagnostics (Get-ArtifactRuntime, error messages).</summary>
    public static string? NativeDirectory { get; private set; }
    public static string? LoadedLibTorchSharp { get; private set; }

    /// <summary>Loads the native backend once; idempotent and thread-safe. Entry points reach it through
    /// <see cref="NativeRuntime.Prepare"/>; networks call it too (<c>RestorationNetwork</c>), so a library caller that
    /// declared nothing still gets a loadable libtorch.</summary>
    public static void EnsureLoaded()
    {
        if (_loaded) return;
        lock (Gate)
        {
            if (_loaded) return;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) LoadLinuxNatives();
            _loaded = true;
        }
    }

    static void LoadLinuxNatives()
    {
        var torchSharpAssembly = typeof(torch).Assembly;
        var configured = Environment.GetEnvironmentVariable(LibTorchVariable);
        var torchDir = (string.IsNullOrEmpty(configured) ? [] : new[] { configured })
            .Concat(NativeSearchPath.For(torchSharpAssembly, "libtorch-cpu-linux-x64"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "libtorch_cpu.so")));
        var sharpPath = NativeSearchPath.For(torchSharpAssembly, "torchsharp")
            .Select(d => Path.Combine(d, LibTorchSharp)).FirstOrDefault(File.Exists);
        if (torchDir is null || sharpPath is null)
            return; // let TorchSharp's own search report what it is missing (e.g. a CUDA layout we do not know)

        NativeDirectory = torchDir;
        // Dependency order; the CUDA pair exists only in CUDA builds of libtorch.
        foreach (var lib in new[] { "c10", "torch_cpu", "c10_cuda", "torch_cuda", "torch" })
        {
            var path = Path.Combine(torchDir, $"lib{lib}.so");
            if (File.Exists(path)) Loaded[lib] = NativeLibrary.Load(path);
        }
        LoadedLibTorchSharp = LoadableCopy(sharpPath);
        _libTorchSharp = NativeLibrary.Load(LoadedLibTorchSharp);
        NativeLibrary.SetDllImportResolver(torchSharpAssembly, Resolve);
    }

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name.Contains("LibTorchSharp", StringComparison.OrdinalIgnoreCase)) return _libTorchSharp;
        var bare = name.StartsWith("lib") ? name[3..] : name;
        if (bare.EndsWith(".so")) bare = bare[..^3];
        return Loaded.TryGetValue(bare, out var handle) ? handle : IntPtr.Zero;
    }

    /// <summary>The original when the system can load it, else a patched copy in the user's cache.</summary>
    static string LoadableCopy(string original)
    {
        var bytes = File.ReadAllBytes(original);
        if (!ElfSymbolVersionPatcher.RequiresVersion(bytes, NewestCxxVersion) || SystemLibStdCxxHas(NewestCxxVersion))
            return original;
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16];
        var patched = Path.Combine(UserFolders.Cache, "native", hash, LibTorchSharp);
        if (File.Exists(patched)) return patched;
        UserFolders.WritableCache(Path.Combine("native", hash));
        AtomicFile.WriteAllBytes(patched, ElfSymbolVersionPatcher.WeakenVersion(bytes, NewestCxxVersion));
        return patched;
    }

    static bool SystemLibStdCxxHas(string version)
    {
        var candidates = new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib/x86_64-linux-gnu" }
            .Select(d => Path.Combine(d, "libstdc++.so.6")).Where(File.Exists);
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        return candidates.Any(p => File.ReadAllBytes(p).AsSpan().IndexOf(needle) >= 0);
    }
}

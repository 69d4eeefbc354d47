using System.Diagnostics;
using System.Runtime.InteropServices;
using ArtifactTools.FileSystem;

namespace ArtifactTools.Runtime;

/// <summary>
/// Runs ArtifactTools.KernelProbe (the float64 gradient check on the papers' network families) in a child process under
/// one oneDNN instruction-set cap: oneDNN reads its cap once per process, so each candidate needs a fresh process.
/// The probe assembly sits beside ArtifactTools.Core; it runs on this process's .NET runtime through the dotnet host.
/// </summary>
public static class KernelProbeProcess
{
    const string ProbeAssembly = "ArtifactTools.KernelProbe.dll";
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Exit codes of the probe program.</summary>
    public const int Exact = 0, Wrong = 1;

    public static IsaProbe Run(string isa)
    {
        var probe = Path.Combine(Path.GetDirectoryName(typeof(KernelProbeProcess).Assembly.Location) ?? "", ProbeAssembly);
        if (!File.Exists(probe)) return new IsaProbe(isa, null, $"{ProbeAssembly} not found beside ArtifactTools.Core");
        if (DotnetHost() is not { } dotnet) return new IsaProbe(isa, null, "the dotnet host was not found");

        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", "--runtimeconfig", RuntimeConfig(), probe }) start.ArgumentList.Add(arg);
        if (isa.Length == 0) start.Environment.Remove(OneDnn.IsaVariable);
        else start.Environment[OneDnn.IsaVariable] = isa;
        try
        {
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            if (!child.WaitForExit(Timeout))
            {
                child.Kill(entireProcessTree: true);
                return new IsaProbe(isa, null, $"timed out after {Timeout.TotalMinutes} min");
            }
            var detail = (output.Result + errors.Result).Trim();
            return child.ExitCode switch
            {
                Exact => new IsaProbe(isa, true, detail),
                Wrong => new IsaProbe(isa, false, detail),
                _ => new IsaProbe(isa, null, $"exit code {child.ExitCode}: {detail}"),
            };
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new IsaProbe(isa, null, ex.Message);
        }
    }

    /// <summary>The probe runs on the runtime this process runs on (pwsh, the test host and the notebooks ship none of
    /// their own runtimeconfig for it), so one is written for it.</summary>
    static string RuntimeConfig()
    {
        var version = Environment.Version;
        var path = Path.Combine(UserFolders.Cache, "probe", $"net{version.ToString(3)}.runtimeconfig.json");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllText(path, $$"""
                { "runtimeOptions": { "tfm": "net{{version.Major}}.{{version.Minor}}", "framework": { "name": "Microsoft.NETCore.App", "version": "{{version.ToString(3)}}" } } }
                """);
        }
        return path;
    }

    /// <summary>The dotnet host: the one that started us (DOTNET_HOST_PATH), the one beside this runtime, DOTNET_ROOT's, or PATH's.</summary>
    static string? DotnetHost()
    {
        var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        var runtimeRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Path.Combine(runtimeRoot, name),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? Path.Combine(root, name) : null,
        }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }
}

using System.Reflection;
using System.Runtime.InteropServices;

namespace ArtifactTools.Runtime;

/// <summary>Where a managed package's native libraries can be, in the order they are tried: beside the assembly, its
/// runtimes/&lt;rid&gt;/native folder, the same beside ArtifactTools.Core, then the NuGet cache (build outputs that
/// carry no natives, notebooks).</summary>
static class NativeSearchPath
{
    public static IEnumerable<string> For(Assembly anchor, string packageId)
    {
        var rid = RuntimeIdentifier;
        var own = Path.GetDirectoryName(anchor.Location);
        if (!string.IsNullOrEmpty(own))
        {
            yield return own;
            yield return Path.Combine(own, "runtimes", rid, "native");
        }
        var core = Path.GetDirectoryName(typeof(NativeSearchPath).Assembly.Location);
        if (!string.IsNullOrEmpty(core) && core != own)
        {
            yield return core;
            yield return Path.Combine(core, "runtimes", rid, "native");
        }
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(nuget, packageId);
        if (Directory.Exists(package))
            foreach (var version in Directory.GetDirectories(package).OrderDescending())
                yield return Path.Combine(version, "runtimes", rid, "native");
    }

    /// <summary>linux-x64, linux-arm64, osx-arm64, win-x64, ...: the NuGet runtimes folder for this process.</summary>
    static string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
        }
    }
}

using System.Reflection;
using System.Runtime.InteropServices;
using ImageMagick;

namespace ArtifactTools.Runtime;

/// <summary>
/// Finds ImageMagick's native library (Magick.Native-Q8-x64.dll.so and kin) where the host does not: a `#r` of an
/// assembly in a notebook kernel or a Roslyn script has no deps.json, so runtimes/&lt;rid&gt;/native is never searched.
/// Apps with a deps.json and PowerShell modules find it themselves; the resolver then only answers what they would.
/// </summary>
public static class MagickNative
{
    const string Prefix = "Magick.Native";
    static readonly object Gate = new();
    static bool _registered;

    /// <summary>Where the native library was loaded from by this resolver, if it was (diagnostics).</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>Installs the resolver once, before ImageMagick's first native call; idempotent.</summary>
    public static void EnsureResolvable()
    {
        if (_registered) return;
        lock (Gate)
        {
            if (_registered) return;
            try { NativeLibrary.SetDllImportResolver(typeof(MagickImage).Assembly, Resolve); }
            catch (InvalidOperationException) { /* the host installed its own resolver; it knows where the library is */ }
            _registered = true;
        }
    }

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return IntPtr.Zero;
        var fileNames = new[] { name, name + ".so", name + ".dylib" };
        foreach (var directory in NativeSearchPath.For(assembly, "magick.net-q8-anycpu"))
            foreach (var file in fileNames.Select(f => Path.Combine(directory, f)))
                if (File.Exists(file) && NativeLibrary.TryLoad(file, out var handle))
                {
                    LoadedFrom = file;
                    return handle;
                }
        return IntPtr.Zero; // the runtime's default search follows
    }
}

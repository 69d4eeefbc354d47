using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ImageMagick;

namespace ArtifactTools.Notebooks;

/// <summary>
/// Applications find Magick.NET's native library (runtimes/&lt;rid&gt;/native/Magick.Native-*) through their deps.json.
/// A .NET Interactive kernel that loads this assembly with <c>#r</c> has no deps.json for it and probes only its own
/// folders, so Magick.NET's imports are resolved here, from the runtimes folder beside its assembly. Runs when this
/// assembly is first used, which in a notebook is before any picture is made.
/// </summary>
static class MagickNativeLibrary
{
#pragma warning disable CA2255 // a library's module initializer is what is needed: in a kernel nothing else runs first
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        var magick = typeof(MagickImage).Assembly;
        var folder = Path.Combine(Path.GetDirectoryName(magick.Location) ?? "", "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        if (!Directory.Exists(folder)) return;
        try { NativeLibrary.SetDllImportResolver(magick, (name, _, _) => Load(folder, name)); }
        catch (InvalidOperationException) { } // the host set a resolver already: it knows where the library is
    }

    // The package names the file "<import>.so" on Linux and "<import>.dylib" on macOS ("Magick.Native-Q8-x64.dll.so").
    static IntPtr Load(string folder, string name)
    {
        if (!name.StartsWith("Magick.Native", StringComparison.Ordinal)) return IntPtr.Zero;
        foreach (var file in new[] { name, name + ".so", name + ".dylib" })
            if (NativeLibrary.TryLoad(Path.Combine(folder, file), out var handle)) return handle;
        return IntPtr.Zero;
    }
}

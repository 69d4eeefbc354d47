using System.Management.Automation;
using ArtifactTools.Runtime;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>The module's entry point: on import the natives become loadable; each cmdlet then declares its own
/// workload when it starts (see <see cref="NativeRuntime"/>). The cmdlets' help is written once, in
/// en-US/ArtifactTools.PowerShell.dll-Help.xml (MAML); their classes carry a one-line summary.</summary>
public sealed class ModuleSetup : IModuleAssemblyInitializer
{
    public void OnImport()
    {
        // A missing or broken native library must not fail the import (Get-Help, Get-JpegQuality need none); the
        // first cmdlet that needs libtorch declares its workload and reports the failure with detail.
        try { NativeRuntime.Prepare(Workload.None); }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or IOException or UnauthorizedAccessException) { }
    }
}

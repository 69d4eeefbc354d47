using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ArtifactTools.Tests.Support;

/// <summary>A hosted PowerShell engine with ./ArtifactTools.psd1 imported, as a user would import it.</summary>
public sealed class ModuleSession : IDisposable
{
    readonly Runspace _runspace;

    public ModuleSession(string? workingDirectory = null)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(RepositoryPaths.Manifest);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (workingDirectory is not null)
            _runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(workingDirectory));
    }

    /// <summary>Runs script text; returns output and the error stream (non-terminating errors do not throw).</summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var shell = PowerShell.Create(_runspace);
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            _runspace.SessionStateProxy.SetVariable(name, value);
        shell.AddScript(script);
        var output = shell.Invoke();
        return new ScriptResult(output, shell.Streams.Error.ToList(), shell.Streams.Progress.ToList(), shell.Streams.Warning.ToList());
    }

    public void Dispose() => _runspace.Dispose();
}

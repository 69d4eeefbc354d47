using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ArtifactTools.Tests.Support;

/// <summary>A hosted PowerShell engine with ./ArtifactTools.psd1 imported, as a user would import it.</summary>
public sealed class ModuleSession : IDisposable
{
    readonly Runspace _runspace;

    /// <param name="variables">Variables the session starts with (as <see cref="Run"/> sets them).</param>
    public ModuleSession(string? workingDirectory = null, IDictionary<string, object?>? variables = null)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(RepositoryPaths.Manifest);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (workingDirectory is not null)
            _runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(workingDirectory));
        SetVariables(variables);
    }

    /// <summary>Runs script text; returns output and the error stream (non-terminating errors do not throw).</summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var shell = PowerShell.Create(_runspace);
        SetVariables(variables);
        shell.AddScript(script);
        var output = shell.Invoke();
        return new ScriptResult(output, shell.Streams.Error.ToList(), shell.Streams.Progress.ToList(), shell.Streams.Warning.ToList());
    }

    void SetVariables(IDictionary<string, object?>? variables)
    {
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            _runspace.SessionStateProxy.SetVariable(name, value);
    }

    public void Dispose() => _runspace.Dispose();
}

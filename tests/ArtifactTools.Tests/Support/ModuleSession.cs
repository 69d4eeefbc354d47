using System.Collections.ObjectModel;
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

public sealed record ScriptResult(
    Collection<PSObject> Output, List<ErrorRecord> Errors, List<ProgressRecord> Progress, List<WarningRecord> Warnings)
{
    public T Single<T>() => (T)Output.Single().BaseObject;
    public IEnumerable<T> All<T>() => Output.Select(o => (T)o.BaseObject);

    /// <summary>Fails with the errors' text, so a broken script says why.</summary>
    public ScriptResult AssertNoErrors()
    {
        if (Errors.Count > 0)
            throw new Xunit.Sdk.XunitException("PowerShell errors:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e.Exception.Message}")));
        return this;
    }
}

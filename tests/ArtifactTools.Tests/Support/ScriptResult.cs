using System.Collections.ObjectModel;
using System.Management.Automation;

namespace ArtifactTools.Tests.Support;

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

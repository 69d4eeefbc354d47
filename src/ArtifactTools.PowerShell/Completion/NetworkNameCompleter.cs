using ArtifactTools.Networks;

namespace ArtifactTools.PowerShell.Completion;

/// <summary>Tab completion of -Architecture: the papers' network names.</summary>
public sealed class NetworkNameCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => NetworkRegistry.Known.Select(n => n.Name);
}

using System.Management.Automation;
using ArtifactTools.Networks;
using ArtifactTools.PowerShell.Completion;
using ArtifactTools.PowerShell.Infrastructure;

namespace ArtifactTools.PowerShell.Cmdlets;

/// <summary>Get-ArtifactNetwork: the papers' networks, or any spec, with their sizes.</summary>
[Cmdlet(VerbsCommon.Get, "ArtifactNetwork", DefaultParameterSetName = ByName)]
[OutputType(typeof(NetworkInfo))]
public sealed class GetArtifactNetworkCommand : PSCmdlet
{
    const string ByName = "ByName", BySpec = "BySpec";

    /// <summary>Network names; wildcards allowed. All networks when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NetworkNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A spec string (see about_ArtifactTools / NetworkSpec) to describe; built once to count its parameters.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BySpec, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Spec { get; set; }

    /// <summary>Image channels (1 = the papers' Y channel, 3 = colour).</summary>
    [Parameter]
    [ValidateRange(1, 4)]
    public int Channels { get; set; } = 1;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == BySpec)
        {
            try { WriteObject(NetworkRegistry.Describe(Spec!, Channels)); }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                WriteError(ErrorRecords.Create(ex, "InvalidNetworkSpec", ErrorCategory.InvalidArgument, Spec));
            }
            return;
        }

        var known = NetworkRegistry.Known;
        foreach (var name in Name ?? ["*"])
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            var matches = known.Where(k => pattern.IsMatch(k.Name)).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                if (NetworkRegistry.IsKnownName(name)) matches = [NetworkRegistry.Describe(name)];
                else
                {
                    var ex = new ItemNotFoundException($"No network named '{name}'. Known: {string.Join(", ", NetworkRegistry.Names)}. Use -Spec for an arbitrary architecture.");
                    WriteError(ErrorRecords.Create(ex, "NetworkNotFound", ErrorCategory.ObjectNotFound, name));
                    continue;
                }
            }
            foreach (var info in matches)
                WriteObject(Channels == 1 ? info : NetworkRegistry.Describe(info.Name, Channels));
        }
    }
}

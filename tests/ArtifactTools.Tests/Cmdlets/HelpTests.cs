using System.Xml.Linq;

namespace ArtifactTools.Tests.Cmdlets;

/// <summary>
/// Get-Help reads en-US/ArtifactTools.PowerShell.dll-Help.xml beside the manifest (the module base). These tests hold the
/// MAML to the cmdlets as they are: every parameter documented with its real binding, no stale ones, and examples.
/// </summary>
public sealed class HelpTests(HelpSession fixture) : IClassFixture<HelpSession>
{
    static readonly string[] Names =
    [
        "Invoke-ArtifactRestore", "Start-ArtifactTraining", "Measure-ImageQuality", "New-DegradedImage",
        "Get-ArtifactModel", "Get-ArtifactNetwork", "Get-JpegQuality",
    ];

    public static TheoryData<string> Cmdlets => new(Names);

    ModuleSession Session => fixture.Session;

    [Fact]
    public void Every_exported_cmdlet_is_covered_here()
    {
        var exported = Session.Run("(Get-Module ArtifactTools).ExportedCmdlets.Keys").AssertNoErrors().All<string>().Order();
        Assert.Equal(Names.Order(), exported);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Help_has_a_written_synopsis_description_and_examples(string cmdlet)
    {
        var help = Session.Run($"Get-Help {cmdlet} -Full").AssertNoErrors().Output.Single();
        var synopsis = ((string)help.Properties["Synopsis"].Value).Trim();
        // Without a help file, Get-Help's synopsis is the generated syntax ("Name [-Path] <string[]> [<CommonParameters>]").
        Assert.DoesNotContain("CommonParameters", synopsis);
        Assert.False(synopsis.StartsWith(cmdlet, StringComparison.OrdinalIgnoreCase), $"'{synopsis}' is the syntax stub");
        Assert.InRange(synopsis.Length, 30, 200);

        var facts = Session.Run("""
            $h = Get-Help $cmdlet -Full
            ($h.description | ForEach-Object Text) -join ' '
            @($h.examples.example).Count
            @($h.examples.example | Where-Object { $_.code -notlike "*$cmdlet*" }).Count
            @($h.returnValues.returnValue).Count
            """, new Dictionary<string, object?> { ["cmdlet"] = cmdlet }).AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.True(facts[0].Length > 200, $"description of {cmdlet}: '{facts[0]}'");
        Assert.InRange(int.Parse(facts[1]), 2, 4);
        Assert.Equal("0", facts[2]); // every example uses the cmdlet it documents
        Assert.NotEqual("0", facts[3]);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Help_documents_exactly_the_real_parameters_with_their_binding(string cmdlet)
    {
        // Problems come back as text, so a failure names the parameter and what differs.
        var problems = Session.Run("""
            $command = Get-Command $cmdlet
            $common = [System.Management.Automation.Cmdlet]::CommonParameters
            $real = $command.Parameters.Values | Where-Object { $common -notcontains $_.Name }
            $documented = @{}
            foreach ($p in (Get-Help $cmdlet -Full).parameters.parameter) { $documented[$p.name] = $p }
            foreach ($name in $documented.Keys) {
                if (-not $command.Parameters.ContainsKey($name)) { "-$name is documented but does not exist" }
            }
            foreach ($p in $real) {
                $doc = $documented[$p.Name]
                if (-not $doc) { "-$($p.Name) is not documented"; continue }
                if ((($doc.description | ForEach-Object Text) -join '').Length -lt 20) { "-$($p.Name) has no description" }
                $attributes = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
                $mandatory = @($attributes | Where-Object Mandatory).Count -eq $attributes.Count
                if ($doc.required -ne $mandatory.ToString().ToLowerInvariant()) { "-$($p.Name): required is $($doc.required), the cmdlet says $mandatory" }
                $kinds = @()
                if ($attributes | Where-Object ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
                if ($attributes | Where-Object ValueFromPipeline) { $kinds += 'ByValue' }
                $pipeline = if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
                if ($doc.pipelineInput -ne $pipeline) { "-$($p.Name): pipeline input is '$($doc.pipelineInput)', the cmdlet says '$pipeline'" }
                $aliases = if ($p.Aliases.Count) { $p.Aliases -join ',' } else { 'none' }
                if ($doc.aliases -ne $aliases) { "-$($p.Name): aliases are '$($doc.aliases)', the cmdlet says '$aliases'" }
                $wildcards = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                if ($doc.globbing -ne $wildcards.ToString().ToLowerInvariant()) { "-$($p.Name): globbing is $($doc.globbing), the cmdlet says $wildcards" }
                $positions = [System.Collections.Generic.HashSet[string]]::new([string[]]@($attributes | ForEach-Object { if ($_.Position -ge 0) { "$($_.Position)" } else { 'named' } }))
                $position = if ($positions.Count -eq 1) { @($positions)[0] } else { 'named' }
                if ($doc.position -ne $position) { "-$($p.Name): position is $($doc.position), the cmdlet says $position" }
            }
            """, new Dictionary<string, object?> { ["cmdlet"] = cmdlet }).AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Help_comes_from_the_help_file_in_the_module_base(string cmdlet)
    {
        // PowerShell looks for a binary module's <assembly>.dll-Help.xml in <ModuleBase>/<culture>/ (en-US as fallback),
        // ModuleBase being the folder of ArtifactTools.psd1; not beside the assembly in module/bin.
        var file = XDocument.Load(Path.Combine(RepositoryPaths.Root, "en-US", "ArtifactTools.PowerShell.dll-Help.xml"));
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10", maml = "http://schemas.microsoft.com/maml/2004/10";
        var details = file.Descendants(command + "details").Single(d => (string?)d.Element(command + "name") == cmdlet);
        var written = details.Element(maml + "description")!.Element(maml + "para")!.Value;

        var shown = Session.Run($"(Get-Help {cmdlet}).Synopsis").AssertNoErrors().Single<string>();
        Assert.Equal(written, shown);
    }

    [Fact]
    public void About_topic_explains_the_concepts_and_environment_variables()
    {
        var run = Session.Run("Get-Help about_ArtifactTools");
        // The engine answers about_ topics from <module base>/<culture>/about_*.help.txt; it did in every host we know.
        var text = string.Join("\n", run.AssertNoErrors().Output.Select(o => o.ToString()));
        Assert.StartsWith("TOPIC", text.TrimStart());
        foreach (var expected in new[]
                 {
                     "about_ArtifactTools", "ARTIFACTTOOLS_MODEL_PATH", "ARTIFACTTOOLS_SHIPPED_MODELS", "ARTIFACTTOOLS_LIBTORCH",
                     "ONEDNN_MAX_CPU_ISA", "TILING", "SAFETY", "l8-general",
                 })
            Assert.Contains(expected, text);
        foreach (var cmdlet in Names)
            Assert.Contains(cmdlet, text);
    }
}

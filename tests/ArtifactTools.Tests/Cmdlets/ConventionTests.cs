namespace ArtifactTools.Tests.Cmdlets;

/// <summary>PowerShell conventions that hold across the module's cmdlets.</summary>
public sealed class ConventionTests
{
    [Fact]
    public void Every_cmdlet_declares_its_output_and_every_writer_supports_WhatIf_Confirm_and_Force()
    {
        using var session = new ModuleSession();
        var problems = session.Run("""
            foreach ($command in (Get-Module ArtifactTools).ExportedCmdlets.Values) {
                if (-not $command.OutputType) { "$($command.Name) declares no OutputType" }
                $writes = $command.Parameters.ContainsKey('OutputDirectory') -or $command.Parameters.ContainsKey('OutputPath')
                if ($writes) {
                    foreach ($name in 'WhatIf', 'Confirm', 'Force') {
                        if (-not $command.Parameters.ContainsKey($name)) { "$($command.Name) writes files but has no -$name" }
                    }
                }
            }
            """).AssertNoErrors().Output.Select(o => o.ToString());
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("", "NoDegradation")]
    [InlineData("-Degradation 'jpeg:abc'", "InvalidDegradation")]
    [InlineData("-Quality 10 -Recipe no-such-recipe", "InvalidRecipe")]
    public void Start_ArtifactTraining_reports_argument_mistakes_with_error_ids_before_WhatIf(string arguments, string errorId)
    {
        using var dir = new TempDirectory();
        ImageCodec.Write(SyntheticImages.PatternGray(32, 32), dir.File("clean.png"), ImageEncoding.Png);
        using var session = new ModuleSession(dir.Path);

        var run = session.Run($"Start-ArtifactTraining L4 -TrainingPath clean.png -OutputPath m.safetensors {arguments} -WhatIf");

        Assert.Empty(run.Output);
        Assert.StartsWith(errorId + ",", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.False(File.Exists(dir.File("m.safetensors")));
    }

    [Fact]
    public void Start_ArtifactTraining_WhatIf_trains_nothing_and_Device_takes_the_same_values_as_Invoke_ArtifactRestore()
    {
        using var dir = new TempDirectory();
        ImageCodec.Write(SyntheticImages.PatternGray(32, 32), dir.File("clean.png"), ImageEncoding.Png);
        using var session = new ModuleSession(dir.Path);

        var dry = session.Run("Start-ArtifactTraining L4 -TrainingPath clean.png -OutputPath m.safetensors -Quality 10 -Device Cpu -WhatIf").AssertNoErrors();
        Assert.Empty(dry.Output);
        Assert.Equal(["clean.png"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        var devices = session.Run("""
            (Get-Command Start-ArtifactTraining).Parameters['Device'].ParameterType.FullName
            (Get-Command Invoke-ArtifactRestore).Parameters['Device'].ParameterType.FullName
            """).AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(devices[0], devices[1]);
    }
}

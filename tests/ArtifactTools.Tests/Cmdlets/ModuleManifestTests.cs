namespace ArtifactTools.Tests.Cmdlets;

public class ModuleManifestTests
{
    [Fact]
    public void Manifest_passes_TestModuleManifest_and_exports_only_module_cmdlets()
    {
        using var session = new ModuleSession();
        var result = session.Run($"Test-ModuleManifest -Path '{RepositoryPaths.Manifest}'").AssertNoErrors();
        Assert.Single(result.Output);
        var exported = session.Run("(Get-Module ArtifactTools).ExportedCommands.Keys").AssertNoErrors()
            .All<string>().ToList();
        Assert.NotEmpty(exported);
        Assert.All(exported, name => Assert.Matches("^[A-Z][a-z]+-(Artifact|Image|Degraded|Jpeg)", name));
    }

    [Fact]
    public void Torch_runs_inside_the_imported_module()
    {
        using var session = new ModuleSession();
        // The module's own TorchSharp (no deps.json in a module) must load natives with no manual step: describing a
        // spec builds the network in torch to count its parameters.
        var info = session.Run("Get-ArtifactNetwork -Spec '64(9)-32(7)-16(1)-1(5)'").AssertNoErrors().Single<ArtifactTools.Networks.NetworkInfo>();
        Assert.Equal(106_448, info.Weights);
        Assert.Equal(106_448 + 2 * (64 + 32 + 16) + 1, info.Parameters);
    }
}

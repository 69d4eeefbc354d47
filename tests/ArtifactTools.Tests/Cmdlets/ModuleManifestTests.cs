using ArtifactTools.Tests.Support;
using Xunit;

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
        // The module's own TorchSharp (no deps.json in a module) must load natives with no manual step.
        var sum = session.Run("[TorchSharp.torch]::ones(3, 3).sum().item[float]()").AssertNoErrors().Single<float>();
        Assert.Equal(9f, sum);
    }
}

using ArtifactTools.Networks;

namespace ArtifactTools.Tests.Cmdlets;

public class GetArtifactNetworkTests
{
    [Fact]
    public void Lists_every_known_network_with_its_counts()
    {
        using var session = new ModuleSession();
        var all = session.Run("Get-ArtifactNetwork").AssertNoErrors().All<NetworkInfo>().ToList();
        Assert.Equal(NetworkRegistry.Names, all.Select(n => n.Name));
        Assert.Equal(106_448, all.Single(n => n.Name == "ARCNN").Weights);
        Assert.Equal(5_144_987, all.Single(n => n.Name == "CASCNN").Weights);
        var text = session.Run("Get-ArtifactNetwork | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.Spec, $_.Weights }").AssertNoErrors().All<string>().ToList();
        Assert.Contains("FastARCNN 64(9)-32(1)-32(7)-64(1)-1[9]-s2 64640", text);
    }

    [Fact]
    public void Name_wildcards_filter_and_unknown_names_are_errors()
    {
        using var session = new ModuleSession();
        var names = session.Run("Get-ArtifactNetwork -Name *arcnn*").AssertNoErrors().All<NetworkInfo>().Select(n => n.Name).ToList();
        Assert.Equal(["ARCNN", "DeeperARCNN", "ARCNN-Decomposed", "FastARCNN"], names);
        Assert.Equal("L8", session.Run("'l8' | Get-ArtifactNetwork").AssertNoErrors().Single<NetworkInfo>().Name);
        var missing = session.Run("Get-ArtifactNetwork -Name NoSuchNet, L4");
        Assert.Equal("NetworkNotFound,ArtifactTools.PowerShell.Cmdlets.GetArtifactNetworkCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        Assert.Equal("L4", missing.Single<NetworkInfo>().Name);
    }

    [Fact]
    public void Spec_describes_an_arbitrary_architecture_or_explains_the_mistake()
    {
        using var session = new ModuleSession();
        var info = session.Run("Get-ArtifactNetwork -Spec '64(9)-32(1)-32(7)x2-64(1)-1[9]-s2'").AssertNoErrors().Single<NetworkInfo>();
        Assert.Equal(64_640 + 32 * 32 * 49, info.Weights);
        Assert.Equal("Hourglass", info.Family);
        var bad = session.Run("Get-ArtifactNetwork -Spec '64(9)-32(8)-1(5)'");
        Assert.Contains("filter size 8", Assert.Single(bad.Errors).Exception.Message);
    }
}

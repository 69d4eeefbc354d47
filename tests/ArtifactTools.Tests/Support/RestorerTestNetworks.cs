using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Restoration;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Support;

/// <summary>Restorers over untrained (seeded) networks built from a registry name or spec.</summary>
static class RestorerTestNetworks
{
    public static Restorer Untrained(string architecture, int seed = 1)
    {
        manual_seed(seed);
        var network = NetworkRegistry.Create(architecture);
        network.eval();
        var metadata = new ModelMetadata { Name = "untrained-" + architecture, Architecture = architecture, Degradation = "jpeg:10" };
        return new Restorer(new RestorationModel(network, metadata, "(memory)", CPU), ownsModel: true);
    }
}

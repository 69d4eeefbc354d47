using TorchSharp;
namespace ArtifactTools.Networks;

/// <summary>Builds networks by name (case-insensitive; '-', '_' and spaces ignored, so "AR-CNN" works) or by spec.</summary>
public static class NetworkRegistry
{
    sealed record Entry(string Name, string Family, string Paper, string Description, Func<int, RestorationNetwork> Build);

    const string Paper000 = "Yu et al., Deep Convolution Networks for Compression Artifacts Reduction (AR-CNN)";
    const string Paper002 = "Svoboda et al., Compression Artifacts Removal Using Convolutional Neural Networks";
    const string Paper003 = "Cavigelli et al., CAS-CNN: A Deep Convolutional Neural Network for Image Compression Artifact Suppression";

    static readonly Entry[] Entries =
    [
        new("SRCNN", "SRCNN", Paper000, "Super-resolution CNN used for deblocking (ReLU), the AR-CNN paper's baseline.", c => Srcnn.Create(c)),
        new("DeeperSRCNN", "SRCNN", Paper000, "SRCNN with an extra 16(1) non-linear mapping layer.", c => Srcnn.CreateDeeper(c)),
        new("ARCNN", "AR-CNN", Paper000, "AR-CNN: feature extraction, enhancement, mapping, reconstruction (PReLU).", c => ArCnn.Create(c)),
        new("DeeperARCNN", "AR-CNN", Paper000, "Five-layer AR-CNN (9-7-3-1-5), trained by transfer from ARCNN.", c => ArCnn.CreateDeeper(c)),
        new("ARCNN-Decomposed", "AR-CNN", Paper000, "AR-CNN with the 7x7 enhancement layer split into 1x1 shrink + 7x7 (Eq. 11).", c => ArCnn.CreateDecomposed(c)),
        new("FastARCNN", "Fast AR-CNN", Paper000, "Hourglass with stride-2 first layer and deconvolution; about 7.5x faster than ARCNN.", c => FastArCnn.Create(c)),
        new("L4", "Residual CNN", Paper002, "Four-layer residual network (ReLU), about 70 K weights.", c => ResidualCnn.CreateL4(c)),
        new("L8", "Residual CNN", Paper002, "Eight-layer residual network with skip concatenations of layer 1 (ReLU).", c => ResidualCnn.CreateL8(c)),
        new("CASCNN", "CAS-CNN", Paper003, "12-layer network with hierarchical skips and multi-scale side outputs (PReLU), direct output as in the paper.", c => new CasCnn(c)),
        new("CASCNN-Residual", "CAS-CNN", Paper003, "CAS-CNN predicting a residual added to its input (the paper tried it and dropped it).", c => new CasCnn(c, residual: true)),
        new(ResUNet.Name, "Residual U-Net", "ArtifactTools (after DRUNet/FBCNN's backbone)", "Compact residual U-Net: residual blocks at 32/64/128 channels, full to 1/4 size, additive skips; 1.04 M weights, 97x97 receptive field.", c => new ResUNet(c)),
    ];

    static readonly Lazy<IReadOnlyList<NetworkInfo>> KnownInfos = new(() => Entries.Select(e => Describe(e, e.Build(1))).ToList());

    /// <summary>The named networks, with counts computed by building each one.</summary>
    public static IReadOnlyList<NetworkInfo> Known => KnownInfos.Value;

    public static IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToList();

    /// <summary>A named network or one parsed from a spec (see <see cref="NetworkSpec"/>); randomly initialised by
    /// TorchSharp's defaults (use <see cref="Initializers"/> for a paper's recipe).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="FormatException">Bad spec.</exception>
    public static RestorationNetwork Create(string nameOrSpec, int channels = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrSpec);
        if (NetworkSpec.LooksLikeSpec(nameOrSpec)) return new ChainNetwork(NetworkSpec.Parse(nameOrSpec), channels);
        return Find(nameOrSpec).Build(channels);
    }

    /// <summary>An independent CPU copy of <paramref name="network"/> (same spec, channels and weights) in another
    /// precision, e.g. the float64 reference that float32 results are checked against.</summary>
    public static RestorationNetwork CopyOf(RestorationNetwork network, torch.ScalarType type)
    {
        ArgumentNullException.ThrowIfNull(network);
        var copy = Create(network.Spec, (int)network.Layers[0].Weight.shape[1]);
        copy.load_state_dict(network.state_dict().ToDictionary(p => p.Key, p => p.Value.cpu()));
        copy.to(type);
        copy.train(network.training);
        return copy;
    }

    /// <summary>Facts about a named network or an arbitrary spec.</summary>
    public static NetworkInfo Describe(string nameOrSpec, int channels = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrSpec);
        if (!NetworkSpec.LooksLikeSpec(nameOrSpec))
        {
            var entry = Find(nameOrSpec);
            return channels == 1 ? Known.First(k => k.Name == entry.Name) : Describe(entry, entry.Build(channels));
        }
        var spec = NetworkSpec.Parse(nameOrSpec);
        using var network = new ChainNetwork(spec, channels);
        var family = spec.Layers[^1].IsDeconvolution ? "Hourglass" : spec.IsResidual ? "Residual CNN" : "Convolutional chain";
        var match = Known.FirstOrDefault(k => k.Spec == network.Spec);
        return new NetworkInfo(match?.Name ?? network.Spec, network.Spec, match?.Family ?? family, match?.Paper ?? "",
            network.WeightCount, network.ParameterCount, network.IsResidual, match?.Description ?? $"{spec.Layers.Count}-layer network from a spec.");
    }

    /// <summary>True when <paramref name="name"/> names a known network.</summary>
    public static bool IsKnownName(string name) => Entries.Any(e => Normalize(e.Name) == Normalize(name));

    static Entry Find(string name) =>
        Entries.FirstOrDefault(e => Normalize(e.Name) == Normalize(name))
        ?? throw new ArgumentException($"No network named '{name}'. Known: {string.Join(", ", Names)}; or give a spec such as {ArCnn.Spec}.", nameof(name));

    static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    static NetworkInfo Describe(Entry entry, RestorationNetwork network)
    {
        using (network)
            return new NetworkInfo(entry.Name, network.Spec, entry.Family, entry.Paper, network.WeightCount, network.ParameterCount, network.IsResidual, entry.Description);
    }
}

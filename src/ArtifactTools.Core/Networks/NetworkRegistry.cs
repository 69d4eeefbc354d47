using ArtifactTools.Training;
using TorchSharp;

namespace ArtifactTools.Networks;

/// <summary>
/// The networks of the papers, one row each with every fact about it: name, spec in the papers' notation (or the class
/// that builds it), family, paper, the paper's training recipe and a builder for any number of image channels. Builds
/// networks by name (case-insensitive; '-', '_' and spaces ignored, so "AR-CNN" works) or by spec.
/// </summary>
public static class NetworkRegistry
{
    sealed record Entry(string Name, string Spec, string Family, string Paper, TrainingRecipe PaperRecipe, string Description,
        Func<int, RestorationNetwork> Build)
    {
        /// <summary>A chain network built from its spec (canonicalised, so specs compare as strings).</summary>
        public static Entry Chain(string name, string spec, string family, string paper, TrainingRecipe recipe, string description)
        {
            var canonical = NetworkSpec.Parse(spec).ToString();
            return new(name, canonical, family, paper, recipe, description, channels => ChainNetwork.ForImages(canonical, channels));
        }
    }

    const string Paper000 = "Yu et al., Deep Convolution Networks for Compression Artifacts Reduction (AR-CNN)";
    const string Paper002 = "Svoboda et al., Compression Artifacts Removal Using Convolutional Neural Networks";
    const string Paper003 = "Cavigelli et al., CAS-CNN: A Deep Convolutional Neural Network for Image Compression Artifact Suppression";

    static readonly Entry[] Entries =
    [
        // Paper 000 Section III-A and VI-A2: SRCNN applied to artifact removal, ReLU after the hidden layers (Eq. 2);
        // 8,032 weights, the deeper one 8,144.
        Entry.Chain("SRCNN", "64(9)-32(1)-1(5)-relu", "SRCNN", Paper000, TrainingRecipes.ArCnnPaper, "Super-resolution CNN used for deblocking (ReLU), the AR-CNN paper's baseline."),
        Entry.Chain("DeeperSRCNN", "64(9)-32(1)-16(1)-1(5)-relu", "SRCNN", Paper000, TrainingRecipes.ArCnnPaper, "SRCNN with an extra 16(1) non-linear mapping layer."),
        // Paper 000 Section III-B: feature extraction, enhancement, mapping, reconstruction, PReLU (Eq. 4-7); 106,448
        // weights (Table I). The deeper one is Table VI's "9-7-3-1-5" (110,800 weights); the decomposed one is Section
        // IV-B's split of the 7x7 64-to-32 layer into a 1x1 shrink and a 7x7 enhance (Eq. 11, Table VII).
        Entry.Chain("ARCNN", "64(9)-32(7)-16(1)-1(5)", "AR-CNN", Paper000, TrainingRecipes.ArCnnPaper, "AR-CNN: feature extraction, enhancement, mapping, reconstruction (PReLU)."),
        Entry.Chain("DeeperARCNN", "64(9)-32(7)-16(3)-16(1)-1(5)", "AR-CNN", Paper000, TrainingRecipes.ArCnnPaper, "Five-layer AR-CNN (9-7-3-1-5), trained by transfer from ARCNN."),
        Entry.Chain("ARCNN-Decomposed", "64(9)-32(1)-32(7)-16(1)-1(5)", "AR-CNN", Paper000, TrainingRecipes.ArCnnPaper, "AR-CNN with the 7x7 enhancement layer split into 1x1 shrink + 7x7 (Eq. 11)."),
        // Paper 000 Section IV, the hourglass of Eq. 12 (see NetworkSpec.Hourglass): 64,640 weights by Eq. 9 (the
        // paper prints 56,496).
        Entry.Chain("FastARCNN", "64(9)-32(1)-32(7)-64(1)-1[9]-s2", "Fast AR-CNN", Paper000, TrainingRecipes.ArCnnPaper, "Hourglass with stride-2 first layer and deconvolution; about 7.5x faster than ARCNN."),
        // Paper 002: ReLU throughout (Eq. 1), output = input + predicted residual. L4 is Table 2 (71,920 weights,
        // receptive field 19 x 19); L8 is Table 1, whose "4(+1)" and "6(+1)" concatenate layer 1's 32 activations to
        // those of layers 4 and 6, written "+1" (220,064 weights, receptive field 25 x 25).
        Entry.Chain("L4", "48(11)-64(3)-64(3)-1(5)-relu-r", "Residual CNN", Paper002, TrainingRecipes.L4Paper, "Four-layer residual network (ReLU), about 70 K weights."),
        Entry.Chain("L8", "32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r", "Residual CNN", Paper002, TrainingRecipes.L8Paper, "Eight-layer residual network with skip concatenations of layer 1 (ReLU)."),
        new("CASCNN", "CASCNN", "CAS-CNN", Paper003, TrainingRecipes.CasCnnPaper, "12-layer network with hierarchical skips and multi-scale side outputs (PReLU), direct output as in the paper.", c => new CasCnn(c)),
        new("CASCNN-Residual", "CASCNN-Residual", "CAS-CNN", Paper003, TrainingRecipes.CasCnnPaper, "CAS-CNN predicting a residual added to its input (the paper tried it and dropped it).", c => new CasCnn(c, residual: true)),
        // This project's compact residual U-Net (no paper: the "paper" recipe is the fast one it was tried with).
        new(ResUNet.Name, ResUNet.Name, "Residual U-Net", "ArtifactTools (after DRUNet/FBCNN's backbone)", TrainingRecipes.Fast, "Compact residual U-Net: residual blocks at 32/64/128 channels, full to 1/4 size, additive skips; 1.04 M weights, 97x97 receptive field.", c => new ResUNet(c)),
        // Not from the papers (they restore Y only): this project's colour network, Y-guided chroma restoration on
        // YCbCr input. It always takes 3 channels, whatever the caller asks for.
        new(ChromaNetwork.Name, ChromaNetwork.Name, "Chroma", "ArtifactTools (colour, issue #12)", TrainingRecipes.Chroma, "Y-guided chroma network: restores Cb and Cr of a YCbCr image at half resolution, Y passes through.", _ => new ChromaNetwork()),
        new(ChromaUNet.Name, ChromaUNet.Name, "Chroma", "ArtifactTools (colour, issue #12)", TrainingRecipes.Chroma, "ChromaNet with a quarter-resolution context level: sees about 58 pixels each way for the lowest qualities' 16x16 colour blocks.", _ => new ChromaUNet()),
    ];

    /// <summary>The colour network families, each buildable at any width ("ChromaUNet-w48"); longest name first, so a
    /// prefix match finds the right one.</summary>
    static readonly (string Family, Func<int, RestorationNetwork> Build)[] ChromaFamilies =
    [
        (ChromaUNet.Name, width => new ChromaUNet(width)),
        (ChromaNetwork.Name, width => new ChromaNetwork(width)),
    ];

    /// <summary>The recipe for specs that name no network of the papers: SRCNN, the AR-CNN family and hourglass
    /// specs all come from papers 000/001.</summary>
    static TrainingRecipe DefaultPaperRecipe => TrainingRecipes.ArCnnPaper;

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
        if (ChromaWidth(nameOrSpec) is { } chroma) return chroma.Build(chroma.Width);
        return Find(nameOrSpec).Build(channels);
    }

    /// <summary>An independent CPU copy of <paramref name="network"/> (same spec, channels and weights) in another
    /// precision, e.g. the float64 reference that float32 results are checked against.</summary>
    public static RestorationNetwork CopyOf(RestorationNetwork network, torch.ScalarType type)
    {
        ArgumentNullException.ThrowIfNull(network);
        var copy = Create(network.Spec, ImageChannels(network));
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

    /// <summary>Throws what <see cref="Create"/> would for an unknown name or a bad spec, without building anything.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="FormatException">Bad spec.</exception>
    public static void Validate(string nameOrSpec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrSpec);
        if (NetworkSpec.LooksLikeSpec(nameOrSpec)) NetworkSpec.Parse(nameOrSpec);
        else if (ChromaWidth(nameOrSpec) is null) Find(nameOrSpec);
    }

    /// <summary>Image channels a network takes: 3 (Y, Cb, Cr) for the chroma network, else 1 (the papers' Y) unless
    /// the caller builds it for more.</summary>
    public static int ImageChannels(RestorationNetwork network) => network is ChromaResidualNetwork ? 3 : (int)network.Layers[0].Weight.shape[1];

    /// <summary>True for the colour networks' names, at any width ("ChromaNet", "ChromaUNet-w48"): they train on YCbCr.</summary>
    public static bool IsChromaName(string name) =>
        ChromaWidth(name) is not null || ChromaFamilies.Any(f => Normalize(f.Family) == Normalize(name));

    /// <summary>The family builder and width of "ChromaNet-w16"-style names (other widths than the default); null for anything else.</summary>
    static (Func<int, RestorationNetwork> Build, int Width)? ChromaWidth(string name)
    {
        foreach (var (family, build) in ChromaFamilies)
        {
            var prefix = family + "-w";
            if (name.Trim().StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.Trim()[prefix.Length..], out var w) && w >= 4) return (build, w);
        }
        return null;
    }

    /// <summary>True when <paramref name="name"/> names a known network.</summary>
    public static bool IsKnownName(string name) => Entries.Any(e => Normalize(e.Name) == Normalize(name));

    /// <summary>The training recipe of the paper that defines the network, found by name or by its spec in any
    /// spelling ("CAS-CNN", "l8", L4's spec string); specs of no named network get the AR-CNN paper's.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="FormatException">Bad spec.</exception>
    public static TrainingRecipe PaperRecipeFor(string nameOrSpec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrSpec);
        if (!NetworkSpec.LooksLikeSpec(nameOrSpec)) return Find(nameOrSpec).PaperRecipe;
        var canonical = NetworkSpec.Parse(nameOrSpec).ToString();
        return Entries.FirstOrDefault(e => e.Spec == canonical)?.PaperRecipe ?? DefaultPaperRecipe;
    }

    /// <summary>The registry name of a network given by name or spec ("L8" for L8's spec string); other specs as given.</summary>
    public static string DisplayName(string nameOrSpec)
    {
        if (!NetworkSpec.LooksLikeSpec(nameOrSpec))
            return Entries.FirstOrDefault(e => Normalize(e.Name) == Normalize(nameOrSpec))?.Name ?? nameOrSpec;
        try
        {
            var canonical = NetworkSpec.Parse(nameOrSpec).ToString();
            return Entries.FirstOrDefault(e => e.Spec == canonical)?.Name ?? nameOrSpec;
        }
        catch (FormatException) { return nameOrSpec; }
    }

    static Entry Find(string name) =>
        Entries.FirstOrDefault(e => Normalize(e.Name) == Normalize(name))
        ?? throw new ArgumentException($"No network named '{name}'. Known: {string.Join(", ", Names)}; or give a spec such as {Entries.First(e => e.Name == "ARCNN").Spec}.", nameof(name));

    static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    static NetworkInfo Describe(Entry entry, RestorationNetwork network)
    {
        using (network)
            return new NetworkInfo(entry.Name, network.Spec, entry.Family, entry.Paper, network.WeightCount, network.ParameterCount, network.IsResidual, entry.Description);
    }
}

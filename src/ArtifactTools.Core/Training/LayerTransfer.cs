using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>
/// Paper 000's easy-to-hard transfer: initialise chosen layers of a target network from a trained base (shallow to
/// deeper: layers 1-2; high to low quality: layer 1; standard to real use case: all layers).
/// </summary>
public static class LayerTransfer
{
    /// <summary>Resolves selectors ("1", "1-2", "conv1", "all") to layer indices of <paramref name="network"/>.</summary>
    public static IReadOnlyList<int> Resolve(RestorationNetwork network, IEnumerable<string> selectors)
    {
        var layers = network.Layers;
        var indices = new SortedSet<int>();
        foreach (var raw in selectors.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (raw.Equals("all", StringComparison.OrdinalIgnoreCase)) { indices.UnionWith(Enumerable.Range(0, layers.Count)); continue; }
            var range = raw.Split('-');
            if (range.Length == 2 && int.TryParse(range[0], out var from) && int.TryParse(range[1], out var to))
            {
                for (int i = from; i <= to; i++) indices.Add(CheckIndex(i, layers.Count, raw));
                continue;
            }
            if (int.TryParse(raw, out var one)) { indices.Add(CheckIndex(one, layers.Count, raw)); continue; }
            var byName = layers.Select((l, i) => (l, i)).FirstOrDefault(p => p.l.Name.Equals(raw, StringComparison.OrdinalIgnoreCase));
            if (byName.l is null)
                throw new ArgumentException($"No layer '{raw}'. Layers: {string.Join(", ", layers.Select((l, i) => $"{i + 1}={l.Name}"))}.");
            indices.Add(byName.i);
        }
        return indices.ToList();
    }

    /// <summary>Copies weights, biases and learned activation slopes (PReLU) of the selected layers (1-based in
    /// selectors, as in the paper) from <paramref name="source"/>; shapes must agree. Frozen layers stop receiving
    /// gradients.</summary>
    public static IReadOnlyList<string> Copy(RestorationNetwork source, RestorationNetwork target, IReadOnlyList<int> layerIndices, bool freeze)
    {
        var copied = new List<string>();
        using var _ = no_grad();
        foreach (var i in layerIndices)
        {
            if (i >= source.Layers.Count)
                throw new ArgumentException($"The base network has {source.Layers.Count} layers; layer {i + 1} cannot be copied.");
            var from = source.Layers[i];
            var to = target.Layers[i];
            if (!from.Weight.shape.SequenceEqual(to.Weight.shape))
                throw new ArgumentException($"Layer {i + 1} ({to.Name}) has shape [{string.Join(",", to.Weight.shape)}] but the base has [{string.Join(",", from.Weight.shape)}].");
            to.Weight.copy_(from.Weight);
            if (to.Bias is not null && from.Bias is not null) to.Bias.copy_(from.Bias);
            var slopes = to.Activation is not null && from.Activation is not null && from.Activation.weight!.shape.SequenceEqual(to.Activation.weight!.shape);
            if (slopes) to.Activation!.weight!.copy_(from.Activation!.weight!);
            if (freeze)
            {
                to.Weight.requires_grad_(false);
                to.Bias?.requires_grad_(false);
                if (slopes) to.Activation!.weight!.requires_grad_(false);
            }
            copied.Add(to.Name);
        }
        return copied;
    }

    static int CheckIndex(int oneBased, int count, string raw) => oneBased >= 1 && oneBased <= count
        ? oneBased - 1
        : throw new ArgumentException($"Layer '{raw}' is out of range: the network has layers 1 to {count}.");
}

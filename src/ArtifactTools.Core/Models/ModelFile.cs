using ArtifactTools.FileSystem;
using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Models;

/// <summary>
/// Saves and loads self-describing model files: a safetensors file whose tensors are the network's state_dict and
/// whose metadata (<see cref="ModelMetadata"/>) names the architecture to rebuild, so a file alone is a usable model.
/// </summary>
public static class ModelFile
{
    public const string Extension = ".safetensors";

    /// <summary>Writes the network's weights and the metadata atomically: a temp file in the same folder, then a
    /// rename, so readers never see a half-written model. Empty Name/Architecture are filled from the file name and
    /// the network's spec.</summary>
    public static void Save(string path, RestorationNetwork network, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(metadata);
        path = Path.GetFullPath(path);
        metadata = metadata with
        {
            Name = string.IsNullOrWhiteSpace(metadata.Name) ? Path.GetFileNameWithoutExtension(path) : metadata.Name,
            Architecture = string.IsNullOrWhiteSpace(metadata.Architecture) ? network.Spec : metadata.Architecture,
            Created = metadata.Created ?? DateTimeOffset.UtcNow,
        };
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        AtomicFile.Write(path, stream => SafeTensorsFormat.Write(stream, network.state_dict(), metadata.ToDictionary()), durable: true);
    }

    /// <summary>Records measured scores for one benchmark set (e.g. "classic5-q10" -> psnr, ssim, psnrb, and the
    /// degraded input's values) in the file's metadata, keeping the weights and the other sets; atomic like Save.</summary>
    public static void RecordScores(string path, string set, IReadOnlyDictionary<string, double> scores)
    {
        using var model = Load(path);
        var merged = model.Metadata.Scores.ToDictionary(kv => kv.Key, kv => kv.Value);
        merged[set] = new Dictionary<string, double>(scores);
        Save(path, model.Network, model.Metadata with { Scores = merged });
    }

    /// <summary>Reads only the metadata (fast: the header, not the weights).</summary>
    public static ModelMetadata ReadMetadata(string path)
    {
        path = Path.GetFullPath(path);
        using var stream = OpenRead(path);
        var header = SafeTensorsFormat.ReadHeader(stream, path);
        return ModelMetadata.FromDictionary(header.Metadata, path);
    }

    /// <summary>Loads a model: rebuilds the network named by its metadata with NetworkRegistry, checks that the file holds
    /// exactly that network's tensors with the same shapes, copies the weights, and sets eval mode. A wrong, corrupt or
    /// truncated file throws <see cref="InvalidDataException"/> naming the file. <paramref name="createNetwork"/>
    /// replaces the registry (networks defined outside ArtifactTools, tests).</summary>
    public static RestorationModel Load(string path, Device? device = null, Func<string, RestorationNetwork>? createNetwork = null)
    {
        path = Path.GetFullPath(path);
        using var stream = OpenRead(path);
        var header = SafeTensorsFormat.ReadHeader(stream, path);
        var metadata = ModelMetadata.FromDictionary(header.Metadata, path);

        RestorationNetwork network;
        try { network = createNetwork is not null ? createNetwork(metadata.Architecture) : NetworkRegistry.Create(metadata.Architecture, metadata.Channels); }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException or KeyNotFoundException)
        {
            throw SafeTensorsFormat.Invalid(path, $"its architecture '{metadata.Architecture}' cannot be built ({ex.Message})", ex);
        }

        try
        {
            LoadWeights(stream, header, network, path);
            network.eval();
            foreach (var p in network.parameters()) p.requires_grad = false;
            if (device is not null && device.type != DeviceType.CPU) network.to(device);
            return new RestorationModel(network, metadata, path, device ?? CPU);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    static void LoadWeights(Stream stream, SafeTensorsHeader header, RestorationNetwork network, string path)
    {
        var expected = network.state_dict();
        var stored = header.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var missing = expected.Keys.Where(k => !stored.ContainsKey(k)).ToList();
        var extra = stored.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw SafeTensorsFormat.Invalid(path, "its tensors do not match the architecture"
                + (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "")
                + (extra.Count > 0 ? $"; unexpected: {string.Join(", ", extra)}" : ""));

        using var _ = no_grad();
        foreach (var (name, target) in expected)
        {
            var entry = stored[name];
            if (!entry.Shape.SequenceEqual(target.shape))
                throw SafeTensorsFormat.Invalid(path,
                    $"tensor '{name}' has shape [{string.Join(",", entry.Shape)}] but the architecture needs [{string.Join(",", target.shape)}]");
            var values = SafeTensorsFormat.ReadValues(stream, header, entry);
            using var source = tensor(values, entry.Shape);
            target.copy_(source);
        }
    }

    static FileStream OpenRead(string path)
    {
        if (Directory.Exists(path)) throw new InvalidDataException($"'{path}' is a directory, not a model file.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }
}

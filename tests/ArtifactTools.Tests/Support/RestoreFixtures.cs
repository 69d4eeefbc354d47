using System.Security.Cryptography;
using ArtifactTools.Models;
using ArtifactTools.Networks;

namespace ArtifactTools.Tests.Support;

/// <summary>Model files for cmdlet tests: a tiny registry-buildable network, so the cmdlet's own loader builds it.</summary>
static class RestoreFixtures
{
    public const string TinyArchitecture = "8(5)-1(3)";

    public static string SaveModel(string path, string degradation, string? name = null)
    {
        TorchSharp.torch.manual_seed(7);
        using var network = NetworkRegistry.Create(TinyArchitecture);
        ModelFile.Save(path, network, new ModelMetadata
        {
            Name = name ?? Path.GetFileNameWithoutExtension(path),
            Architecture = TinyArchitecture,
            Degradation = degradation,
        });
        return path;
    }

    /// <summary>A colour model file: the chroma network at a small width, random weights, colour metadata.</summary>
    public static string SaveColorModel(string path, string degradation, string sampling = "4:2:0")
    {
        TorchSharp.torch.manual_seed(7);
        using var network = NetworkRegistry.Create("ChromaNet-w8");
        ModelFile.Save(path, network, new ModelMetadata
        {
            Name = Path.GetFileNameWithoutExtension(path),
            Architecture = network.Spec,
            Channels = 3,
            ColorMode = "YCbCr",
            ChromaSampling = sampling,
            Degradation = degradation,
        });
        return path;
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

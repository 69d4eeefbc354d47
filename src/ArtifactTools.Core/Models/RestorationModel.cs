using ArtifactTools.Networks;
using static TorchSharp.torch;

namespace ArtifactTools.Models;

/// <summary>A loaded model, ready for inference: the network (eval mode, gradients off) on its device, with its metadata.</summary>
public sealed class RestorationModel : IDisposable
{
    public RestorationNetwork Network { get; }
    public ModelMetadata Metadata { get; }
    /// <summary>The file it was loaded from.</summary>
    public string Path { get; }
    public Device Device { get; }
    public string Name => Metadata.Name;

    public RestorationModel(RestorationNetwork network, ModelMetadata metadata, string path, Device device)
    {
        Network = network;
        Metadata = metadata;
        Path = path;
        Device = device;
    }

    public override string ToString() => $"{Name} ({Metadata.Architecture}, {Metadata.Degradation})";

    public void Dispose() => Network.Dispose();
}

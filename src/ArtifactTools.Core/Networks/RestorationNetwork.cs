using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// A restoration network: input N x C x H x W (C = 1 for the papers' Y channel) scaled to 0..1; output the restored
/// image, same shape, for ANY H and W (odd too). Residual networks add their input internally, so callers always get
/// an image, never a residual.
/// </summary>
public abstract class RestorationNetwork : nn.Module<Tensor, Tensor>
{
    // Before the first network touches libtorch: its natives need finding (and on Debian 12 patching) wherever the
    // caller runs, also where no entry point called NativeRuntime.Prepare.
    static RestorationNetwork() => Runtime.TorchRuntime.EnsureLoaded();

    protected RestorationNetwork(string name) : base(name) { }

    /// <summary>The papers' notation, e.g. "64(9)-32(7)-16(1)-1(5)"; rebuilds this network via NetworkRegistry.</summary>
    public abstract string Spec { get; }

    /// <summary>Weighted layers in forward order (conv and deconv), for transfer (copy layer i), per-layer learning
    /// rates (the last layer's is smaller) and initialisation. Names are stable: "conv1".."convN" or the paper's.</summary>
    public abstract IReadOnlyList<NetworkLayer> Layers { get; }

    /// <summary>True when the network predicts a residual that it adds to its input (L4, L8, CAS-CNN).</summary>
    public virtual bool IsResidual => false;

    /// <summary>Outputs used by a multi-scale loss, finest first (CAS-CNN: full, 1/4, 1/16, 1/64 of the pixels).
    /// Networks without side outputs return just the main output.</summary>
    public virtual IReadOnlyList<Tensor> ForwardWithSideOutputs(Tensor input) => [forward(input)];

    /// <summary>How many times the network shrinks its feature maps (1: all at full size; a strided hourglass's stride;
    /// CAS-CNN's 8). Tiles start on multiples of it, so a tiled restore sees the same sampling phase as an untiled one.</summary>
    public virtual int Downsampling => 1;

    /// <summary>The widest feature map, in floats per input pixel: it sizes CPU tiles so that a layer's maps stay in
    /// cache. Without downsampling that is the most channels any layer reads or writes.</summary>
    public virtual int FeatureChannels => Layers.Max(l => (int)Math.Max(l.Weight.shape[0], l.Weight.shape[1]));

    /// <summary>Weights only (no biases, no PReLU slopes): the papers' Eq. 9.</summary>
    public long WeightCount => Layers.Sum(l => l.Weight.numel());

    /// <summary>Every trainable value.</summary>
    public long ParameterCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());
}

using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>One weighted layer: its name, module, whether it is a deconvolution, and the learned activation after it
/// (a PReLU's slopes belong to the layer: transferring the layer without them resets them). Weight and bias are read
/// from the module on every access, because moving a network to another device replaces its parameter tensors.</summary>
public sealed record NetworkLayer(string Name, nn.Module Module, bool IsTransposed, TorchSharp.Modules.PReLU? Activation = null)
{
    public Tensor Weight => Module switch
    {
        TorchSharp.Modules.Conv2d conv => conv.weight!,
        TorchSharp.Modules.ConvTranspose2d deconv => deconv.weight!,
        _ => throw new InvalidOperationException($"Layer {Name} is not a convolution."),
    };

    public Tensor? Bias => Module switch
    {
        TorchSharp.Modules.Conv2d conv => conv.bias,
        TorchSharp.Modules.ConvTranspose2d deconv => deconv.bias,
        _ => null,
    };

    /// <summary>Inputs feeding one output value: in_channels x kernel area (for a deconvolution, weight dim 0 x area).</summary>
    public long FanIn => Weight.shape[IsTransposed ? 0 : 1] * Weight.shape[2] * Weight.shape[3];
}

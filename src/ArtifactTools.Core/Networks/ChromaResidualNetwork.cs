using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// What the colour networks share: N x 3 x H x W YCbCr in (0..1), the same out with Y passed through (luminance is the
/// luma networks' job) and Cb/Cr corrected by a residual. The planes are folded 2x2 (pixel unshuffle) to 12 channels at
/// half resolution, the 4:2:0 chroma grid's own scale and a quarter of the work per layer; a subclass predicts the
/// residual there as 8 channels (2 chroma planes x 2x2 positions), unfolded back to full resolution. Hidden layers use
/// PReLU, not ReLU: decoded chroma is flat over most of a patch, where zero-mean filters answer exactly 0 and a ReLU
/// passes no gradient (a ReLU ChromaNet settled on "change nothing").
/// </summary>
public abstract class ChromaResidualNetwork : RestorationNetwork
{
    protected const int FoldedChannels = 12, ResidualChannels = 8;
    const int DefaultWidth = 32;

    readonly PixelUnshuffle _fold = nn.PixelUnshuffle(2);
    readonly PixelShuffle _unfold = nn.PixelShuffle(2);
    readonly List<NetworkLayer> _layers = [];
    readonly string _family;

    protected ChromaResidualNetwork(string family, int width) : base(family)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);
        (_family, Width) = (family, width);
        // Parameterless: registering them before the subclass's layers changes no parameter names or order.
        register_module("fold", _fold);
        register_module("unfold", _unfold);
    }

    /// <summary>Feature channels of the half-resolution layers.</summary>
    public int Width { get; }

    /// <summary>The family name for the default width, "&lt;family&gt;-w&lt;width&gt;" otherwise; <see cref="NetworkRegistry"/> rebuilds either.</summary>
    public override string Spec => Width == DefaultWidth ? _family : $"{_family}-w{Width}";
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override bool IsResidual => true;

    /// <summary>The 8-channel Cb/Cr residual at half resolution from the 12 folded channels.</summary>
    protected abstract Tensor PredictResidual(Tensor folded);

    /// <summary>Folds 2x2 (used again by networks with coarser levels).</summary>
    protected Tensor Fold(Tensor x) => _fold.call(x);
    protected Tensor Unfold(Tensor x) => _unfold.call(x);

    /// <summary>Registers a convolution (and a PReLU after it under <paramref name="activationName"/>, when given) as the next layer.</summary>
    protected NetworkLayer AddLayer(string name, Conv2d conv, string? activationName)
    {
        register_module(name, conv);
        PReLU? activation = null;
        if (activationName is not null)
        {
            activation = nn.PReLU(conv.out_channels, init: 0.25);
            register_module(activationName, activation);
        }
        var layer = new NetworkLayer(name, conv, IsTransposed: false, activation);
        _layers.Add(layer);
        return layer;
    }

    /// <summary>A layer's convolution, then its activation if it has one.</summary>
    protected static Tensor Apply(NetworkLayer layer, Tensor x)
    {
        var y = ((Conv2d)layer.Module).call(x);
        return layer.Activation is null ? y : layer.Activation.call(y);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var folded = _fold.call(PoolingPadding.PadToMultiple(input, 3, Downsampling, out _, "Y, Cb, Cr"));
        var residual = _unfold.call(PredictResidual(folded))[.., .., ..(int)input.shape[2], ..(int)input.shape[3]];
        return cat([input[.., 0..1], input[.., 1..3] + residual], 1).MoveToOuterDisposeScope();
    }
}

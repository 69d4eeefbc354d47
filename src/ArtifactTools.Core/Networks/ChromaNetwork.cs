using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// Restores the chroma of a YCbCr image (N x 3 x H x W: Y, Cb, Cr on 0..1) and passes Y through unchanged: luminance
/// is the luma networks' job. JPEG stores chroma at half resolution (4:2:0) and quantises it hardest, so decoded colour
/// is blocky and bleeds across edges while Y still carries those edges. The network sees all three planes folded 2x2
/// into 12 channels at half resolution (pixel unshuffle: a quarter of the work per layer, and the chroma grid's own
/// scale), widens its view with dilated 3x3 convolutions (dilations 1,2,4,2,1: radius 24 input pixels, the next 16x16
/// chroma block and half the one after it), and unfolds a Cb/Cr residual back to full resolution.
/// </summary>
public sealed class ChromaNetwork : RestorationNetwork
{
    public const string Name = "ChromaNet";
    static readonly int[] Dilations = [1, 2, 4, 2, 1];

    readonly PixelUnshuffle _fold = nn.PixelUnshuffle(2);
    readonly PixelShuffle _unfold = nn.PixelShuffle(2);
    readonly List<Conv2d> _convs = [];
    readonly List<PReLU> _activations = [];
    readonly List<NetworkLayer> _layers = [];

    /// <summary>Feature channels of the hidden layers.</summary>
    public int Width { get; }

    public ChromaNetwork(int width = 32) : base(nameof(ChromaNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);
        Width = width;
        Add(nn.Conv2d(12, width, 3, padding: 1), activated: true);
        foreach (var d in Dilations) Add(nn.Conv2d(width, width, 3, padding: d, dilation: d), activated: true);
        Add(nn.Conv2d(width, 8, 3, padding: 1), activated: false); // 2 chroma planes x 2x2 positions
        register_module("fold", _fold);
        register_module("unfold", _unfold);
    }

    void Add(Conv2d conv, bool activated)
    {
        var name = $"conv{_convs.Count + 1}";
        register_module(name, conv);
        PReLU? prelu = null;
        if (activated)
        {
            // PReLU, not ReLU: decoded chroma is flat over most of a patch, where zero-mean filters answer exactly 0
            // and a ReLU passes no gradient; a ReLU version of this network settled on "change nothing".
            prelu = nn.PReLU(conv.out_channels, init: 0.25);
            register_module($"prelu{_convs.Count + 1}", prelu);
            _activations.Add(prelu);
        }
        _convs.Add(conv);
        _layers.Add(new NetworkLayer(name, conv, IsTransposed: false, prelu));
    }

    /// <summary>The name for the default width, "ChromaNet-w&lt;width&gt;" otherwise; <see cref="NetworkRegistry"/> rebuilds either.</summary>
    public override string Spec => Width == 32 ? Name : $"{Name}-w{Width}";
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override bool IsResidual => true;
    public override int Downsampling => 2;
    public override int FeatureChannels => Math.Max(1, Width / 4);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _fold.call(PoolingPadding.PadToMultiple(input, 3, 2, out _, "Y, Cb, Cr"));
        for (int i = 0; i < _convs.Count; i++)
        {
            x = _convs[i].call(x);
            if (i < _convs.Count - 1) x = _activations[i].call(x);
        }
        var residual = _unfold.call(x)[.., .., ..(int)input.shape[2], ..(int)input.shape[3]];
        var luma = input[.., 0..1];
        var chroma = input[.., 1..3] + residual;
        return cat([luma, chroma], 1).MoveToOuterDisposeScope();
    }
}

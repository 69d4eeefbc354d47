using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// <see cref="ChromaNetwork"/> with a second, coarser level: at JPEG's lowest qualities chroma keeps little more than
/// one colour per 16x16 block, so restoring it is interpolating between neighbouring blocks along the edges Y shows,
/// and that needs a wider view than one level affords at this cost. The half-resolution level (the chroma grid) reads
/// the 2x2-folded Y, Cb, Cr; it is folded once more to a quarter resolution (one 16x16 block = 4x4 cells) where dilated
/// 3x3 convolutions (dilations 1,2,4,2,1, twice the width) see about 50 pixels each way; that context is unfolded back
/// and joined to the half-resolution features, which predict the Cb/Cr residual. Y passes through unchanged.
/// </summary>
public sealed class ChromaUNet : RestorationNetwork
{
    public const string Name = "ChromaUNet";
    static readonly int[] Dilations = [1, 2, 4, 2, 1];

    readonly PixelUnshuffle _fold = nn.PixelUnshuffle(2);
    readonly PixelShuffle _unfold = nn.PixelShuffle(2);
    readonly Dictionary<string, (Conv2d Conv, PReLU? Activation)> _stages = [];
    readonly List<NetworkLayer> _layers = [];
    readonly List<string> _body = [];

    /// <summary>Feature channels of the half-resolution level (the quarter-resolution level has twice as many).</summary>
    public int Width { get; }

    public ChromaUNet(int width = 32) : base(nameof(ChromaUNet))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);
        Width = width;
        int coarse = 2 * width;
        Add("head1", nn.Conv2d(12, width, 3, padding: 1), activated: true);
        Add("head2", nn.Conv2d(width, width, 3, padding: 1), activated: true);
        Add("down", nn.Conv2d(4 * width, coarse, 3, padding: 1), activated: true);
        for (int i = 0; i < Dilations.Length; i++)
        {
            var name = $"body{i + 1}";
            Add(name, nn.Conv2d(coarse, coarse, 3, padding: Dilations[i], dilation: Dilations[i]), activated: true);
            _body.Add(name);
        }
        Add("up", nn.Conv2d(coarse, 4 * width, 3, padding: 1), activated: true);
        Add("merge", nn.Conv2d(2 * width, width, 3, padding: 1), activated: true);
        Add("tail", nn.Conv2d(width, 8, 3, padding: 1), activated: false); // 2 chroma planes x 2x2 positions
        register_module("fold", _fold);
        register_module("unfold", _unfold);
    }

    void Add(string name, Conv2d conv, bool activated)
    {
        register_module(name, conv);
        PReLU? activation = null;
        if (activated)
        {
            // PReLU for the reason ChromaNetwork gives: flat chroma answers 0 and a ReLU would pass no gradient there.
            activation = nn.PReLU(conv.out_channels, init: 0.25);
            register_module($"{name}_prelu", activation);
        }
        _stages[name] = (conv, activation);
        _layers.Add(new NetworkLayer(name, conv, IsTransposed: false, activation));
    }

    Tensor Stage(string name, Tensor x)
    {
        var (conv, activation) = _stages[name];
        var y = conv.call(x);
        return activation is null ? y : activation.call(y);
    }

    public override string Spec => Width == 32 ? Name : $"{Name}-w{Width}";
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override bool IsResidual => true;
    public override int Downsampling => 4;
    public override int FeatureChannels => Math.Max(1, Width / 2);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _fold.call(PoolingPadding.PadToMultiple(input, 3, 4, out _, "Y, Cb, Cr"));
        var fine = Stage("head2", Stage("head1", x));
        var coarse = Stage("down", _fold.call(fine));
        foreach (var name in _body) coarse = Stage(name, coarse);
        var context = _unfold.call(Stage("up", coarse));
        var merged = Stage("merge", cat([fine, context], 1));
        var residual = _unfold.call(Stage("tail", merged))[.., .., ..(int)input.shape[2], ..(int)input.shape[3]];
        var luma = input[.., 0..1];
        var chroma = input[.., 1..3] + residual;
        return cat([luma, chroma], 1).MoveToOuterDisposeScope();
    }
}

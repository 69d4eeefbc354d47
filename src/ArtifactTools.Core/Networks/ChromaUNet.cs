using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// <see cref="ChromaNetwork"/> with a second, coarser level: at JPEG's lowest qualities chroma keeps little more than
/// one colour per 16x16 block, so restoring it is interpolating between neighbouring blocks along the edges Y shows,
/// and that needs a wider view than one level affords at this cost. Two 3x3 layers at half resolution (the chroma
/// grid) are folded once more to a quarter resolution (one 16x16 block = 4x4 cells), where dilated 3x3 convolutions
/// (dilations 1,2,4,2,1, twice the width) see about 58 pixels each way; that context is unfolded back and joined to
/// the half-resolution features, which predict the Cb/Cr residual (see <see cref="ChromaResidualNetwork"/>).
/// </summary>
public sealed class ChromaUNet : ChromaResidualNetwork
{
    public const string Name = "ChromaUNet";
    static readonly int[] Dilations = [1, 2, 4, 2, 1];

    readonly NetworkLayer _head1, _head2, _down, _up, _merge, _tail;
    readonly List<NetworkLayer> _body = [];

    public ChromaUNet(int width = 32) : base(Name, width)
    {
        int coarse = 2 * width;
        _head1 = Add("head1", nn.Conv2d(FoldedChannels, width, 3, padding: 1));
        _head2 = Add("head2", nn.Conv2d(width, width, 3, padding: 1));
        _down = Add("down", nn.Conv2d(4 * width, coarse, 3, padding: 1));
        for (int i = 0; i < Dilations.Length; i++)
            _body.Add(Add($"body{i + 1}", nn.Conv2d(coarse, coarse, 3, padding: Dilations[i], dilation: Dilations[i])));
        _up = Add("up", nn.Conv2d(coarse, 4 * width, 3, padding: 1));
        _merge = Add("merge", nn.Conv2d(2 * width, width, 3, padding: 1));
        _tail = AddLayer("tail", nn.Conv2d(width, ResidualChannels, 3, padding: 1), activationName: null);
    }

    NetworkLayer Add(string name, TorchSharp.Modules.Conv2d conv) => AddLayer(name, conv, $"{name}_prelu");

    public override int Downsampling => 4;
    // Widest map in full-resolution pixels: the joined levels, 2 x Width channels at a quarter of the pixels.
    public override int FeatureChannels => Math.Max(1, Width / 2);

    protected override Tensor PredictResidual(Tensor folded)
    {
        var fine = Apply(_head2, Apply(_head1, folded));
        var coarse = Apply(_down, Fold(fine));
        foreach (var layer in _body) coarse = Apply(layer, coarse);
        var context = Unfold(Apply(_up, coarse));
        return Apply(_tail, Apply(_merge, cat([fine, context], 1)));
    }
}

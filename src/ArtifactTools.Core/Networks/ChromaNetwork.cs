using static TorchSharp.torch;

namespace ArtifactTools.Networks;

/// <summary>
/// The one-level colour network: restores Cb and Cr (see <see cref="ChromaResidualNetwork"/>) with 3x3 convolutions at
/// half resolution whose dilations 1,2,4,2,1 widen the view to a radius of 24 input pixels (the next 16x16 chroma block
/// and half the one after it).
/// </summary>
public sealed class ChromaNetwork : ChromaResidualNetwork
{
    public const string Name = "ChromaNet";
    static readonly int[] Dilations = [1, 2, 4, 2, 1];

    public ChromaNetwork(int width = 32) : base(Name, width)
    {
        Add(nn.Conv2d(FoldedChannels, width, 3, padding: 1), activated: true);
        foreach (var d in Dilations) Add(nn.Conv2d(width, width, 3, padding: d, dilation: d), activated: true);
        Add(nn.Conv2d(width, ResidualChannels, 3, padding: 1), activated: false);
    }

    void Add(TorchSharp.Modules.Conv2d conv, bool activated)
    {
        int n = Layers.Count + 1;
        AddLayer($"conv{n}", conv, activated ? $"prelu{n}" : null);
    }

    public override int Downsampling => 2;
    public override int FeatureChannels => Math.Max(1, Width / 4);

    protected override Tensor PredictResidual(Tensor folded)
    {
        var x = folded;
        foreach (var layer in Layers) x = Apply(layer, x);
        return x;
    }
}

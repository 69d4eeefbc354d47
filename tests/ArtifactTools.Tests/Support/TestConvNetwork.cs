using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Support;

/// <summary>
/// A plain conv/PReLU stack with zero "same" padding, for tests that must not depend on the network registry: the
/// AR-CNN shape 64(9)-32(7)-16(1)-1(5) by default (receptive-field radius 4+3+0+2 = 9 px), or smaller widths.
/// </summary>
public sealed class TestConvNetwork : RestorationNetwork
{
    readonly nn.Module<Tensor, Tensor> _body;
    readonly List<NetworkLayer> _layers = [];
    readonly string _spec;

    public TestConvNetwork(params (int Filters, int Kernel)[] layers) : base("TestConvNetwork")
    {
        if (layers.Length == 0) layers = [(64, 9), (32, 7), (16, 1), (1, 5)];
        _spec = string.Join("-", layers.Select(l => $"{l.Filters}({l.Kernel})"));
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int channels = 1;
        for (int i = 0; i < layers.Length; i++)
        {
            var (filters, kernel) = layers[i];
            var conv = nn.Conv2d(channels, filters, kernel, padding: kernel / 2);
            modules.Add(($"conv{i + 1}", conv));
            _layers.Add(new NetworkLayer($"conv{i + 1}", conv, false));
            if (i < layers.Length - 1) modules.Add(($"prelu{i + 1}", nn.PReLU(filters)));
            channels = filters;
        }
        _body = nn.Sequential(modules);
        RegisterComponents();
    }

    public override string Spec => _spec;
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override Tensor forward(Tensor input) => _body.forward(input);

    /// <summary>Builds from specs written by this class ("64(9)-32(7)-16(1)-1(5)"), as NetworkRegistry would.</summary>
    public static RestorationNetwork Create(string spec)
    {
        var layers = spec.Split('-').Select(part =>
        {
            var open = part.IndexOf('(');
            if (open < 0 || !part.EndsWith(')')) throw new ArgumentException($"Unknown test architecture '{spec}'.");
            return (int.Parse(part[..open]), int.Parse(part[(open + 1)..^1]));
        }).ToArray();
        return new TestConvNetwork(layers);
    }

    /// <summary>Gives the weights values large enough that a restore visibly changes an image (PyTorch's default
    /// init is already non-trivial, this just makes the test deterministic).</summary>
    public TestConvNetwork Seeded(int seed)
    {
        using var _ = no_grad();
        using var generator = new Generator((ulong)seed);
        foreach (var p in parameters())
            p.copy_(torch.randn(p.shape, generator: generator) * 0.05f);
        return this;
    }
}

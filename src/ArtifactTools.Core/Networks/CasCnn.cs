using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtifactTools.Networks;

/// <summary>
/// CAS-CNN (paper 003, Table I and Fig. 1): blocks A..D of two 3x3 convolutions each, 2x2 average pooling between
/// them (so D runs at 1/8 of the size); full-convolutions (4x4, stride 2) climb back up, each concatenating the
/// encoder's features at that resolution and the nearest-upsampled side output of the level below. Side outputs
/// D^, C^, B^ (one 3x3 conv each) reconstruct the image at 1/8, 1/4, 1/2 of each side (1/64, 1/16, 1/4 of the
/// pixels) for the multi-scale loss; A^ gives the full-size image. PReLU after every hidden layer; the image layers
/// are linear. 5,144,987 weights for one channel.
/// </summary>
/// <remarks>
/// The paper found that a residual output "did not improve the performance ... and thus do not include it", so the
/// paper's network is direct (<c>residual: false</c>); <c>residual: true</c> adds the input (average-pooled for the side
/// outputs) to every output. Inputs are replicate-padded to a multiple of 8 and the outputs cropped, so any size works.
/// Table I's "#outp./#inp." columns are swapped for C(1) (it takes B's 128 channels and makes 256).
/// </remarks>
public sealed class CasCnn : RestorationNetwork
{
    const int Levels = 3, Multiple = 1 << Levels;

    readonly Conv2d a1, a2, b1, b2, c1, c2, d1, d2;
    readonly ConvTranspose2d d_up, c_up, b_up;
    readonly Conv2d d_side, c_side, b_side, a_out;
    readonly PReLU a1_act, a2_act, b1_act, b2_act, c1_act, c2_act, d1_act, d2_act, d_up_act, c_up_act, b_up_act;
    readonly IReadOnlyList<NetworkLayer> _layers;
    readonly bool _residual;

    public CasCnn(int channels = 1, bool residual = false) : base(nameof(CasCnn))
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has at least one channel.");
        Channels = channels;
        _residual = residual;
        a1 = Conv(channels, 128); a2 = Conv(128, 128);
        b1 = Conv(128, 128); b2 = Conv(128, 128);
        c1 = Conv(128, 256); c2 = Conv(256, 256);
        d1 = Conv(256, 256); d2 = Conv(256, 256);
        d_up = Up(256, 256); d_side = Conv(256, channels);
        c_up = Up(256 + 256 + channels, 128); c_side = Conv(256 + 256 + channels, channels);
        b_up = Up(128 + 128 + channels, 128); b_side = Conv(128 + 128 + channels, channels);
        a_out = Conv(128 + 128 + channels, channels);
        (a1_act, a2_act, b1_act, b2_act) = (Act(128), Act(128), Act(128), Act(128));
        (c1_act, c2_act, d1_act, d2_act) = (Act(256), Act(256), Act(256), Act(256));
        (d_up_act, c_up_act, b_up_act) = (Act(256), Act(128), Act(128));
        RegisterComponents();

        // Forward order, paper's names (A1 .. D2, then D~, D^, C~, C^, B~, B^, A^).
        _layers =
        [
            Layer("a1", a1, a1_act), Layer("a2", a2, a2_act), Layer("b1", b1, b1_act), Layer("b2", b2, b2_act),
            Layer("c1", c1, c1_act), Layer("c2", c2, c2_act), Layer("d1", d1, d1_act), Layer("d2", d2, d2_act),
            Layer("d_up", d_up, d_up_act), Layer("d_side", d_side), Layer("c_up", c_up, c_up_act), Layer("c_side", c_side),
            Layer("b_up", b_up, b_up_act), Layer("b_side", b_side), Layer("a_out", a_out),
        ];
    }

    public int Channels { get; }

    public override int Downsampling => Multiple;

    // Full size holds block A (128 channels) and, at the end, A's features concatenated with B~ and B^.
    public override int FeatureChannels => 128 + 128 + Channels;
    public override string Spec => _residual ? "CASCNN-Residual" : "CASCNN";
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override bool IsResidual => _residual;

    public override Tensor forward(Tensor input)
    {
        var outputs = ForwardWithSideOutputs(input);
        for (var i = 1; i < outputs.Count; i++) outputs[i].Dispose();
        return outputs[0];
    }

    /// <summary>[full, 1/2, 1/4, 1/8 per side]; side outputs are ceil(H/k) x ceil(W/k).</summary>
    public override IReadOnlyList<Tensor> ForwardWithSideOutputs(Tensor input)
    {
        long height = input.shape[2], width = input.shape[3];
        using var scope = NewDisposeScope();
        var x = PoolingPadding.PadToMultiple(input, Channels, Multiple, out bool padded);

        var a = a2_act.call(a2.call(a1_act.call(a1.call(x))));
        var b = b2_act.call(b2.call(b1_act.call(b1.call(F.avg_pool2d(a, 2)))));
        var c = c2_act.call(c2.call(c1_act.call(c1.call(F.avg_pool2d(b, 2)))));
        var d = d2_act.call(d2.call(d1_act.call(d1.call(F.avg_pool2d(c, 2)))));

        var sideD = d_side.call(d);
        var atC = cat([d_up_act.call(d_up.call(d)), c, Upsample(sideD)], 1);
        var sideC = c_side.call(atC);
        var atB = cat([c_up_act.call(c_up.call(atC)), b, Upsample(sideC)], 1);
        var sideB = b_side.call(atB);
        var atA = cat([b_up_act.call(b_up.call(atB)), a, Upsample(sideB)], 1);
        var full = a_out.call(atA);

        Tensor[] outputs = [Finish(full, input, 1), Finish(sideB, input, 2), Finish(sideC, input, 4), Finish(sideD, input, 8)];
        foreach (var t in outputs) t.MoveToOuterDisposeScope();
        return outputs;
    }

    /// <summary>Crops the padding (keeping every block the image touches) and adds the input for the residual form.</summary>
    Tensor Finish(Tensor output, Tensor input, int factor)
    {
        long h = (input.shape[2] + factor - 1) / factor, w = (input.shape[3] + factor - 1) / factor;
        var cropped = output.shape[2] == h && output.shape[3] == w ? output : output[.., .., ..(int)h, ..(int)w];
        if (!_residual) return cropped;
        var reference = factor == 1 ? input : F.avg_pool2d(input, factor, ceil_mode: true);
        return cropped + reference;
    }

    static Tensor Upsample(Tensor side) => F.interpolate(side, scale_factor: [2.0, 2.0], mode: InterpolationMode.Nearest);

    static Conv2d Conv(long inChannels, long outChannels) => nn.Conv2d(inChannels, outChannels, 3, padding: 1);

    /// <summary>4x4 stride 2 padding 1: exactly doubles each side.</summary>
    static ConvTranspose2d Up(long inChannels, long outChannels) => nn.ConvTranspose2d(inChannels, outChannels, 4, stride: 2, padding: 1);

    static PReLU Act(long channels) => nn.PReLU(channels, init: 0.25);

    static NetworkLayer Layer(string name, Conv2d conv, PReLU? activation = null) => new(name, conv, IsTransposed: false, activation);
    static NetworkLayer Layer(string name, ConvTranspose2d deconv, PReLU activation) => new(name, deconv, IsTransposed: true, activation);
}

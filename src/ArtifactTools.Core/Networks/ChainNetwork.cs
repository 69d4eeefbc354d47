using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtifactTools.Networks;

/// <summary>
/// A chain of convolutions built from a <see cref="NetworkSpec"/>: paper 000's hourglass framework
/// n1(f1)-n2(1)-n3(f3)xm-n4(1)-n5[f5]-s, whose stride-1 case is SRCNN and AR-CNN, extended with paper 002's
/// concatenation skips and residual output (L4, L8). Layers are named conv1..convN (deconvolution included), the
/// activations prelu1..prelu(N-1) when PReLU is used.
/// </summary>
/// <remarks>
/// Size handling: convolutions are zero padded by (f-1)/2 (paper 000: "zero padding for the layers with a filter size
/// larger than 1"). With stride s the input is replicate-padded at the bottom/right to a multiple of s; the first layer
/// then samples input pixel s*i as feature i, and the deconvolution (padding (f-1)/2, output padding s-1) puts that
/// feature's kernel centre back on pixel s*i, so the output lines up with the input; the padding is cropped away.
/// </remarks>
public sealed class ChainNetwork : RestorationNetwork
{
    readonly NetworkSpec _spec;
    readonly List<nn.Module<Tensor, Tensor>> _convs = [];
    readonly List<NetworkLayer> _layers = [];
    readonly bool[] _keepOutput;
    readonly IReadOnlyList<int>[] _concat;

    public ChainNetwork(NetworkSpec spec, int channels = 1) : base("ChainNetwork")
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has at least one channel.");
        if (spec.OutputChannels != channels)
            throw new ArgumentException($"Spec '{spec}' ends in {spec.OutputChannels} channel(s) but the network is built for {channels}-channel images; write its last layer as {channels}(f) or {channels}[f].", nameof(spec));
        _spec = spec;
        Channels = channels;

        var layers = spec.Layers;
        _keepOutput = new bool[layers.Count];
        _concat = layers.Select(l => l.Concat).ToArray();
        foreach (var k in layers.SelectMany(l => l.Concat)) _keepOutput[k - 1] = true;

        long inChannels = channels;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var name = $"conv{i + 1}";
            var padding = (layer.Size - 1) / 2;
            nn.Module<Tensor, Tensor> conv = layer.IsDeconvolution
                ? nn.ConvTranspose2d(inChannels, layer.Filters, layer.Size, stride: spec.Stride, padding: padding, output_padding: spec.Stride - 1)
                : nn.Conv2d(inChannels, layer.Filters, layer.Size, stride: i == 0 ? spec.Stride : 1, padding: padding);
            register_module(name, conv);
            _convs.Add(conv);

            PReLU? prelu = null;
            if (i < layers.Count - 1 && spec.Activation == Activation.PReLU)
            {
                prelu = nn.PReLU(layer.Filters, init: 0.25);
                register_module($"prelu{i + 1}", prelu);
            }
            _layers.Add(new NetworkLayer(name, conv, layer.IsDeconvolution, prelu));
            inChannels = layer.Filters + layer.Concat.Sum(k => (long)layers[k - 1].Filters);
        }
    }

    /// <summary>Builds a family's spec (written for the papers' Y channel) for <paramref name="channels"/>-channel
    /// images: the image layer's filter count becomes the channel count.</summary>
    public static ChainNetwork ForImages(string spec, int channels = 1) => new(NetworkSpec.Parse(spec).WithImageChannels(channels), channels);

    /// <summary>Image channels in and out.</summary>
    public int Channels { get; }

    /// <summary>The parsed architecture (stride, activation, skips, residual).</summary>
    public NetworkSpec Architecture => _spec;

    public override string Spec => _spec.ToString();
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override bool IsResidual => _spec.IsResidual;
    public override int Downsampling => _spec.Stride;

    // With stride s every layer between the strided convolution and the deconvolution holds 1/s^2 of the pixels.
    public override int FeatureChannels => Math.Max(1, (base.FeatureChannels + _spec.Stride * _spec.Stride - 1) / (_spec.Stride * _spec.Stride));

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != Channels)
            throw new ArgumentException($"Expected N x {Channels} x H x W, got [{string.Join(", ", input.shape)}].", nameof(input));
        long height = input.shape[2], width = input.shape[3];
        var s = _spec.Stride;
        long padBottom = (s - height % s) % s, padRight = (s - width % s) % s;

        var x = padBottom + padRight > 0 ? F.pad(input, [0, padRight, 0, padBottom], PaddingModes.Replicate) : input;
        var kept = new Tensor?[_convs.Count];
        for (var i = 0; i < _convs.Count; i++)
        {
            x = CastFor(_layers[i], x, input, kept);
            var y = _convs[i].call(x);
            if (!ReferenceEquals(x, input) && !IsKept(kept, x)) x.Dispose();
            x = y;
            if (i == _convs.Count - 1) break;
            if (_layers[i].Activation is { } prelu)
            {
                var activated = prelu.call(x);
                x.Dispose();
                x = activated;
            }
            else x = x.relu_();   // conv backward does not need its output, so in place is safe

            if (_keepOutput[i]) kept[i] = x;
            if (_concat[i].Count > 0)
            {
                var parts = new Tensor[_concat[i].Count + 1];
                parts[0] = x;
                for (var j = 0; j < _concat[i].Count; j++) parts[j + 1] = kept[_concat[i][j] - 1]!;
                var joined = cat(parts, 1);
                if (!_keepOutput[i]) x.Dispose();
                x = joined;
            }
        }
        foreach (var t in kept) t?.Dispose();

        if (padBottom + padRight > 0)
        {
            var cropped = x[.., .., ..(int)height, ..(int)width];
            x.Dispose();
            x = cropped;
        }
        return _spec.IsResidual ? x.add_(input) : x;
    }

    static bool IsKept(Tensor?[] kept, Tensor t) => Array.Exists(kept, k => ReferenceEquals(k, t));

    /// <summary>Runs the inner layers in <paramref name="type"/> (bfloat16 on CPUs with bf16 arithmetic). The first
    /// layer, which reads the image, the last, which writes it, and the residual sum stay float32: bfloat16's 8-bit
    /// mantissa would round a 0..1 pixel by up to half a grey level on the way in and out, and those two layers are 1-5%
    /// of the work.</summary>
    public void UseReducedPrecisionBody(ScalarType type)
    {
        for (var i = 1; i < _convs.Count - 1; i++)
        {
            _convs[i].to(type);
            _layers[i].Activation?.to(type);
        }
    }

    /// <summary><paramref name="x"/> in the layer's precision; a converted original is released unless it is still needed.</summary>
    static Tensor CastFor(NetworkLayer layer, Tensor x, Tensor input, Tensor?[] kept)
    {
        var type = layer.Weight.dtype;
        if (x.dtype == type) return x;
        var cast = x.to(type);
        if (!ReferenceEquals(x, input) && !IsKept(kept, x)) x.Dispose();
        return cast;
    }
}

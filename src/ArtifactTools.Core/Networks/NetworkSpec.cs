using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArtifactTools.Networks;

/// <summary>
/// A network in the papers' notation, generalised (paper 000 Eq. 12: n1(f1)-n2(1)-n3(f3)xm-n4(1)-n5[f5]-s):
/// <code>
///   spec   := group ('-' group)* ('-' suffix)*
///   group  := n '(' f ')' ['x' m] ('+' k)*      convolution, f odd, zero padded to keep the size
///           | n '[' f ']'                       deconvolution (last layer only), f odd
///   suffix := 's' stride                        stride of the first conv and of the closing deconvolution
///           | 'relu' | 'prelu'                  hidden-layer activation (default prelu, as paper 000)
///           | 'r'                               residual: output = input + net(input) (paper 002)
/// </code>
/// Examples: "64(9)-32(7)-16(1)-1(5)" (AR-CNN), "64(9)-32(1)-32(7)-64(1)-1[9]-s2" (Fast AR-CNN),
/// "48(11)-64(3)-64(3)-1(5)-relu-r" (L4), "32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r" (L8).
/// Layer numbers in "+k" count expanded layers from 1. ToString gives the canonical form, which parses back equal.
/// </summary>
public sealed record NetworkSpec
{
    public IReadOnlyList<LayerSpec> Groups { get; }
    public int Stride { get; }
    public Activation Activation { get; }
    public bool IsResidual { get; }

    public NetworkSpec(IReadOnlyList<LayerSpec> groups, int stride = 1, Activation activation = Activation.PReLU, bool isResidual = false)
    {
        Groups = groups;
        Stride = stride;
        Activation = activation;
        IsResidual = isResidual;
        Validate();
    }

    /// <summary>Every layer in forward order, repeats expanded (layer k of "+k" is Layers[k - 1]).</summary>
    public IReadOnlyList<LayerSpec> Layers => Groups.SelectMany(g => Enumerable.Repeat(g with { Repeat = 1 }, g.Repeat)).ToList();

    /// <summary>Image channels the network produces (its last layer's filters).</summary>
    public int OutputChannels => Groups[^1].Filters;

    /// <summary>The same architecture producing <paramref name="channels"/> image channels.</summary>
    public NetworkSpec WithImageChannels(int channels) =>
        channels == OutputChannels ? this : new([.. Groups.SkipLast(1), Groups[^1] with { Filters = channels }], Stride, Activation, IsResidual);

    public override string ToString()
    {
        var text = new StringBuilder(string.Join("-", Groups));
        if (Stride != 1) text.Append("-s").Append(Stride.ToString(CultureInfo.InvariantCulture));
        if (Activation == Activation.ReLU) text.Append("-relu");
        if (IsResidual) text.Append("-r");
        return text.ToString();
    }

    public bool Equals(NetworkSpec? other) => other is not null && Groups.SequenceEqual(other.Groups)
        && Stride == other.Stride && Activation == other.Activation && IsResidual == other.IsResidual;

    public override int GetHashCode() => HashCode.Combine(Groups.Count, Stride, Activation, IsResidual);

    static readonly Regex ConvToken = new(@"^(\d+)\((\d+)\)(?:x(\d+))?((?:\+\d+)*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    static readonly Regex DeconvToken = new(@"^(\d+)\[(\d+)\](?:s(\d+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    static readonly Regex StrideToken = new(@"^s(\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>True when the text looks like a spec (starts with a digit) rather than a network name.</summary>
    public static bool LooksLikeSpec(string text) => text.TrimStart() is { Length: > 0 } t && char.IsAsciiDigit(t[0]);

    /// <summary>Parses the notation above; throws <see cref="FormatException"/> naming the offending part.</summary>
    public static NetworkSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var compact = new string(spec.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length == 0) throw Error(spec, "it is empty; expected layers like 64(9)-32(7)-16(1)-1(5)");

        var groups = new List<LayerSpec>();
        int? stride = null;
        Activation? activation = null;
        var residual = false;
        var tokens = compact.Split('-');
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length == 0) throw Error(spec, $"part {i + 1} is empty (doubled or trailing '-')");
            if (ConvToken.Match(token) is { Success: true } conv)
            {
                if (stride is not null || activation is not null || residual)
                    throw Error(spec, $"layer '{token}' comes after a suffix; layers first, then -s, -relu, -r");
                var concat = conv.Groups[4].Value.Split('+', StringSplitOptions.RemoveEmptyEntries).Select(k => Number(spec, k, token)).ToList();
                groups.Add(new LayerSpec(Number(spec, conv.Groups[1].Value, token), Number(spec, conv.Groups[2].Value, token), false,
                    conv.Groups[3].Success ? Number(spec, conv.Groups[3].Value, token) : 1, concat.Count > 0 ? concat : null));
            }
            else if (DeconvToken.Match(token) is { Success: true } deconv)
            {
                groups.Add(new LayerSpec(Number(spec, deconv.Groups[1].Value, token), Number(spec, deconv.Groups[2].Value, token), true));
                if (deconv.Groups[3].Success) SetOnce(ref stride, Number(spec, deconv.Groups[3].Value, token), spec, "stride");
            }
            else if (StrideToken.Match(token) is { Success: true } s) SetOnce(ref stride, Number(spec, s.Groups[1].Value, token), spec, "stride");
            else if (token.Equals("relu", StringComparison.OrdinalIgnoreCase)) SetOnce(ref activation, Activation.ReLU, spec, "activation");
            else if (token.Equals("prelu", StringComparison.OrdinalIgnoreCase)) SetOnce(ref activation, Activation.PReLU, spec, "activation");
            else if (token.Equals("r", StringComparison.OrdinalIgnoreCase))
            {
                if (residual) throw Error(spec, "the residual marker -r appears twice");
                residual = true;
            }
            else throw Error(spec, $"cannot read '{token}'; expected n(f) for a convolution (optionally x m, +k), n[f] for a deconvolution, or a suffix s<stride>, relu, prelu, r");
        }
        try
        {
            return new NetworkSpec(groups, stride ?? 1, activation ?? Activation.PReLU, residual);
        }
        catch (ArgumentException ex)
        {
            throw Error(spec, ex.Message);
        }
    }

    /// <summary>Paper 000's hourglass n1(f1)-n2(1)-n3(f3)xm-n4(1)-channels[f5]-s with PReLU (Eq. 12): a strided first
    /// convolution (feature extraction), 1x1 shrinking, m enhancement layers, 1x1 expanding (mapping) and a
    /// deconvolution with the same stride back to full size. Fast AR-CNN is (64, 9, 32, 32, 7, 1, 64, 9, 2).</summary>
    public static NetworkSpec Hourglass(int n1, int f1, int n2, int n3, int f3, int m, int n4, int f5, int stride, int channels = 1) =>
        new([new LayerSpec(n1, f1), new LayerSpec(n2, 1), new LayerSpec(n3, f3, Repeat: m), new LayerSpec(n4, 1), new LayerSpec(channels, f5, IsDeconvolution: true)],
            stride);

    void Validate()
    {
        if (Groups.Count == 0) throw new ArgumentException("a network needs at least one layer");
        if (Stride < 1) throw new ArgumentException($"stride must be at least 1, not {Stride}");
        var layers = Layers;
        for (var i = 0; i < Groups.Count; i++)
        {
            var g = Groups[i];
            if (g.Filters < 1) throw new ArgumentException($"layer '{g}' needs at least one filter");
            if (g.Size < 1 || g.Size % 2 == 0)
                throw new ArgumentException($"layer '{g}' has filter size {g.Size}; sizes must be odd so the output stays aligned with the input");
            if (g.Repeat < 1) throw new ArgumentException($"layer '{g}' repeats {g.Repeat} times; x m needs m >= 1");
            if (g.IsDeconvolution && i != Groups.Count - 1) throw new ArgumentException($"deconvolution '{g}' may only be the last layer");
            if (g.Concat.Count > 0 && g.Repeat > 1) throw new ArgumentException($"layer '{g}' combines x m with +k; write the repeated layers out");
        }
        if (Groups[^1].Repeat != 1) throw new ArgumentException($"the last layer '{Groups[^1]}' (the image) cannot repeat");
        if (Groups[^1].Concat.Count > 0) throw new ArgumentException($"the last layer '{Groups[^1]}' (the image) cannot concatenate skips");
        if (Stride > 1 && !Groups[^1].IsDeconvolution)
            throw new ArgumentException($"stride {Stride} shrinks the feature maps, so the last layer must be a deconvolution n[f] that enlarges them back");
        if (Stride > 1 && layers.Count < 2) throw new ArgumentException("a strided network needs a convolution before its deconvolution");
        for (var index = 1; index <= layers.Count; index++)
            foreach (var k in layers[index - 1].Concat)
                if (k < 1 || k >= index) throw new ArgumentException($"layer {index} '{layers[index - 1]}' concatenates layer {k}; k must name an earlier layer (1..{index - 1})");
    }

    static void SetOnce<T>(ref T? slot, T value, string spec, string what) where T : struct
    {
        if (slot is not null) throw Error(spec, $"the {what} is given twice");
        slot = value;
    }

    static int Number(string spec, string digits, string token) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Error(spec, $"'{token}' has a number out of range");

    static FormatException Error(string spec, string why) => new($"Invalid network spec '{spec}': {why}.");
}

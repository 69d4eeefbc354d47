using System.Globalization;
using System.Text;

namespace ArtifactTools.Networks;

/// <summary>
/// One group of layers in the papers' notation: n(f) is a convolution with n filters of f x f, n[f] a deconvolution,
/// "x m" repeats the group m times (the hourglass's n3(f3) x m), "+k" concatenates layer k's activations to this
/// layer's activations before the next layer (L8's skip architecture, paper 002 Table 1's "4(+1)").
/// </summary>
public sealed record LayerSpec(int Filters, int Size, bool IsDeconvolution = false, int Repeat = 1, IReadOnlyList<int>? ConcatFrom = null)
{
    public IReadOnlyList<int> Concat => ConcatFrom ?? [];

    public override string ToString()
    {
        var text = new StringBuilder().Append(Filters.ToString(CultureInfo.InvariantCulture))
            .Append(IsDeconvolution ? '[' : '(').Append(Size.ToString(CultureInfo.InvariantCulture)).Append(IsDeconvolution ? ']' : ')');
        if (Repeat > 1) text.Append('x').Append(Repeat.ToString(CultureInfo.InvariantCulture));
        foreach (var k in Concat) text.Append('+').Append(k.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    public bool Equals(LayerSpec? other) => other is not null && Filters == other.Filters && Size == other.Size
        && IsDeconvolution == other.IsDeconvolution && Repeat == other.Repeat && Concat.SequenceEqual(other.Concat);

    public override int GetHashCode() => HashCode.Combine(Filters, Size, IsDeconvolution, Repeat, Concat.Count);
}

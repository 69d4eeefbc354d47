using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks;

/// <summary>One named curve: e.g. PSNR (y) against training iterations (x) for one network.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    public static Series From(string name, IEnumerable<(double X, double Y)> points)
    {
        var list = points.ToList();
        return new Series(name, list.Select(p => p.X).ToList(), list.Select(p => p.Y).ToList());
    }
}

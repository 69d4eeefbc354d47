using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

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

/// <summary>A labelled point of a trade-off plot, e.g. one network's seconds per image (x) and PSNR (y).</summary>
public sealed record LabelledPoint(string Label, double X, double Y);

/// <summary>
/// The charts the papers draw, as interactive Plotly.NET charts: convergence curves (paper 000 Fig. 7/15/16/17, paper
/// 002 Fig. 6), grouped bars per quality (Table III/IV, the
/// interactive form of a results table; <see cref="HtmlView.Table"/> prints the numbers) and speed against quality
/// (Table VII).
/// </summary>
public static class Charts
{
    /// <summary>Several curves on one pair of axes; e.g. PSNR vs iterations of SRCNN, deeper SRCNN and AR-CNN.</summary>
    public static ChartView Curves(string title, string xTitle, string yTitle, params IEnumerable<Series> series)
    {
        var traces = series.Select(s => CSharpChart.Line<double, double, string>(x: s.X, y: s.Y, Name: s.Name, ShowMarkers: s.X.Count <= 30));
        return Styled(CSharpChart.Combine(traces.ToArray()), title, xTitle, yTitle);
    }

    /// <summary>Grouped bars: one group per category (e.g. JPEG quality), one bar per series (e.g. method).</summary>
    public static ChartView Bars(string title, string yTitle, IReadOnlyList<string> categories, params IEnumerable<(string Name, IReadOnlyList<double> Values)> groups)
    {
        var traces = groups.Select(g => CSharpChart.Column<double, string, string>(values: g.Values, Keys: new Plotly.NET.CSharp.Optional<IEnumerable<string>>(categories, true), Name: g.Name));
        return Styled(CSharpChart.Combine(traces.ToArray()), title, "", yTitle);
    }

    /// <summary>A labelled scatter, e.g. Table VII's speed vs quality: each point is one network.</summary>
    public static ChartView TradeOff(string title, string xTitle, string yTitle, params IEnumerable<LabelledPoint> points)
    {
        var list = points.ToList();
        var chart = CSharpChart.Point<double, double, string>(
            x: list.Select(p => p.X), y: list.Select(p => p.Y),
            MultiText: list.Select(p => p.Label).ToArray(), TextPosition: StyleParam.TextPosition.TopCenter, Name: yTitle);
        return Styled(chart, title, xTitle, yTitle);
    }

    static ChartView Styled(GenericChart chart, string title, string xTitle, string yTitle) =>
        new(Plotly.NET.Chart.withTitle(title, null).Invoke(chart)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle));
}

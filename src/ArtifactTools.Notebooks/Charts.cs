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

/// <summary>A labelled point of a trade-off plot, e.g. one network's seconds per image (x) and PSNR (y).</summary>
public sealed record LabelledPoint(string Label, double X, double Y);

/// <summary>
/// The charts the papers draw, as plotly figures: convergence curves (paper 000 Fig. 7/15/16/17, paper 002 Fig. 6),
/// grouped bars per quality (Table III/IV; <see cref="HtmlView.Table"/> prints the numbers) and speed against quality
/// (Table VII). A figure is plotly's own JSON (data + layout, https://plotly.com/javascript/reference/), written here
/// directly: plotly.js draws it, and no .NET chart library (Plotly.NET needs a newer FSharp.Core than the .NET
/// Interactive kernel has loaded) stands in between.
/// </summary>
public static class Charts
{
    /// <summary>Several curves on one pair of axes; e.g. PSNR vs iterations of SRCNN, deeper SRCNN and AR-CNN.</summary>
    public static ChartView Curves(string title, string xTitle, string yTitle, params IEnumerable<Series> series) =>
        Figure(title, xTitle, yTitle, series.Select(s => new JsonObject
        {
            ["type"] = "scatter", ["name"] = s.Name, ["mode"] = s.X.Count <= 30 ? "lines+markers" : "lines",
            ["x"] = Numbers(s.X), ["y"] = Numbers(s.Y),
        }));

    /// <summary>Grouped bars: one group per category (e.g. JPEG quality), one bar per series (e.g. method).</summary>
    public static ChartView Bars(string title, string yTitle, IReadOnlyList<string> categories, params IEnumerable<(string Name, IReadOnlyList<double> Values)> groups)
    {
        var chart = Figure(title, "", yTitle, groups.Select(g => new JsonObject
        {
            ["type"] = "bar", ["name"] = g.Name, ["x"] = new JsonArray([.. categories.Select(c => JsonValue.Create(c))]), ["y"] = Numbers(g.Values),
        }));
        chart.Figure["layout"]!["barmode"] = "group";
        return chart;
    }

    /// <summary>A labelled scatter, e.g. Table VII's speed vs quality: each point is one network.</summary>
    public static ChartView TradeOff(string title, string xTitle, string yTitle, params IEnumerable<LabelledPoint> points)
    {
        var list = points.ToList();
        return Figure(title, xTitle, yTitle, [new JsonObject
        {
            ["type"] = "scatter", ["name"] = yTitle, ["mode"] = "markers+text", ["textposition"] = "top center",
            ["x"] = Numbers(list.Select(p => p.X)), ["y"] = Numbers(list.Select(p => p.Y)),
            ["text"] = new JsonArray([.. list.Select(p => JsonValue.Create(p.Label))]),
        }]);
    }

    static ChartView Figure(string title, string xTitle, string yTitle, IEnumerable<JsonObject> traces) => new(new JsonObject
    {
        ["data"] = new JsonArray([.. traces]),
        ["layout"] = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle } },
            ["height"] = 420,
        },
    });

    // JSON has no NaN: a missing value (e.g. a paper's number that does not exist) becomes a gap in the curve.
    static JsonArray Numbers(IEnumerable<double> values) =>
        new([.. values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]);
}

using Plotly.NET;

namespace ArtifactTools.Notebooks;

/// <summary>A Plotly.NET chart as a displayable view. <see cref="Chart"/> stays reachable for further styling with
/// Plotly.NET's own API; <see cref="ToHtml"/> is what the kernel, the runner and exported apps show.</summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ChartView(GenericChart chart) : HtmlView("")
{
    /// <summary>Plotly.js is loaded through require.js from the plotly CDN, as Plotly.NET.Interactive does: it works in
    /// Jupyter, VS Code and a plain browser, but the viewer needs network access to draw the chart.</summary>
    public const string PlotlyJsNote = "Charts load plotly.js from cdn.plot.ly when opened: open the report online.";

    public GenericChart Chart { get; } = chart;

    public override string ToHtml() => GenericChart.toChartHTML(Chart);

    /// <summary>The figure as Plotly JSON (data + layout), e.g. for tests that check a chart is not empty.</summary>
    public string ToJson() => GenericChart.toFigureJson(Chart);
}

using Plotly.NET;

namespace ArtifactTools.Notebooks;

/// <summary>A Plotly.NET chart as a displayable view. <see cref="Chart"/> stays reachable for further styling with
/// Plotly.NET's own API; <see cref="ToHtml"/> is what the kernel, the runner and exported apps show.</summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ChartView(GenericChart chart) : HtmlView("")
{
    /// <summary>The plotly.js release Plotly.NET 6 targets; the viewer fetches it from the CDN, so charts need network
    /// access when the notebook or report is opened (pictures are inline and need nothing).</summary>
    public const string PlotlyJsUrl = "https://cdn.plot.ly/plotly-2.28.0.min";
    public const string PlotlyJsNote = "Charts load plotly.js from cdn.plot.ly when opened: open the report online.";

    public GenericChart Chart { get; } = chart;

    /// <summary>A div plus a script that draws the figure once plotly.js is there: already loaded (a report with several
    /// charts), through require.js where the page has it (classic Jupyter, where plotly's UMD build would not set a
    /// global), else by adding a script tag (JupyterLab, VS Code, a browser).</summary>
    public override string ToHtml()
    {
        var id = "chart-" + Guid.NewGuid().ToString("N");
        return $$"""
            <div id="{{id}}"></div>
            <script type="text/javascript">(function () {
              var figure = {{ToJson()}};
              function draw(P) { P.newPlot(document.getElementById('{{id}}'), figure.data, figure.layout, { responsive: true }); }
              if (window.Plotly) { draw(window.Plotly); return; }
              if (typeof window.requirejs === 'function') { requirejs.config({ paths: { plotly: '{{PlotlyJsUrl}}' } }); requirejs(['plotly'], draw); return; }
              var s = document.getElementById('plotly-js') || document.createElement('script');
              s.addEventListener('load', function () { draw(window.Plotly); });
              if (!s.id) { s.id = 'plotly-js'; s.src = '{{PlotlyJsUrl}}.js'; document.head.appendChild(s); }
            })();</script>
            """;
    }

    /// <summary>The figure as Plotly JSON (data + layout), e.g. for tests that check a chart is not empty.</summary>
    public string ToJson() => GenericChart.toFigureJson(Chart);
}

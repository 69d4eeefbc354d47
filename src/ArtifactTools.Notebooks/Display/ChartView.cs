using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks;

/// <summary>A plotly figure (data + layout JSON) as a displayable view: a div that plotly.js draws into. plotly.js
/// itself is embedded once per notebook session (<see cref="PlotlyJs"/>), never fetched from the network.</summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ChartView(JsonObject figure) : HtmlView("")
{
    /// <summary>The figure; change its layout or traces with plotly's own attribute names before displaying it.</summary>
    public JsonObject Figure { get; } = figure;

    /// <summary>The figure as JSON; HTML-sensitive characters are escaped (\u003C), so it can sit in a script tag.</summary>
    public string ToJson() => Figure.ToJsonString();

    /// <summary>The figure travels as a JSON script block (readable by tools and tests without running JavaScript);
    /// a small script draws it with the page's plotly.js.</summary>
    public override string ToHtml()
    {
        var id = "chart-" + Guid.NewGuid().ToString("N");
        return PlotlyJs.ScriptOnce() + $$"""
            <div id="{{id}}" class="artifacttools-chart"></div>
            <script type="application/json" id="{{id}}-figure">{{ToJson()}}</script>
            <script type="text/javascript">(function () {
              var element = document.getElementById('{{id}}');
              var figure = JSON.parse(document.getElementById('{{id}}-figure').textContent);
              if (window.Plotly) window.Plotly.newPlot(element, figure.data, figure.layout, { responsive: true });
              else element.textContent = 'plotly.js is not loaded on this page: re-run the notebook from its first cell.';
            })();</script>
            """;
    }
}

using System.Net;
using System.Text;
using ArtifactTools.FileSystem;
using Plotly.NET;

namespace ArtifactTools.Notebooks;

/// <summary>
/// What a notebook displayed, outside the kernel: every value passed to <c>display(...)</c>, rendered to HTML in order
/// and written as one report file (pictures inline as data URIs; charts load plotly.js from its CDN, see
/// <see cref="ChartView.PlotlyJsNote"/>).
/// </summary>
public sealed class HtmlReport(string title)
{
    readonly List<object> values = [];
    readonly List<string> fragments = [];

    public string Title { get; } = title;
    public IReadOnlyList<object> Displayed => values;

    public void Add(object? value)
    {
        if (value is null) return;
        values.Add(value);
        fragments.Add(Render(value));
    }

    /// <summary>Headings and notes between displays (the runner adds each markdown cell's first heading).</summary>
    public void AddHeading(string text) => fragments.Add($"<h2>{WebUtility.HtmlEncode(text)}</h2>");

    /// <summary>HTML for any displayed value: our views as they render themselves, a bare Plotly.NET chart as a chart,
    /// anything else as its text.</summary>
    public static string Render(object value) => value switch
    {
        HtmlView view => view.ToHtml(),
        GenericChart chart => new ChartView(chart).ToHtml(),
        _ => $"<pre>{WebUtility.HtmlEncode(value.ToString())}</pre>",
    };

    public string ToHtml()
    {
        var sb = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>").Append(WebUtility.HtmlEncode(Title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:1100px;margin:auto} .display{margin:12px 0}</style></head><body>\n")
            .Append("<h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>\n")
            .Append("<p><small>").Append(WebUtility.HtmlEncode(ChartView.PlotlyJsNote)).Append("</small></p>\n");
        foreach (var f in fragments) sb.Append("<div class=\"display\">").Append(f).Append("</div>\n");
        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes the report atomically (temp file beside it, then a move), so a crash leaves no half file.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        AtomicFile.WriteAllText(full, ToHtml());
    }
}

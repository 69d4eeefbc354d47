using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace ArtifactTools.Notebooks.Kernel;

/// <summary>
/// A run of a notebook as one HTML file that opens offline: the markdown text (through Markdig), each code cell's source
/// (folded) and its outputs as the kernel rendered them: pictures are inline PNGs, charts are plotly figures, and
/// plotly.js comes from the run's outputs exactly once (see <see cref="PlotlyJs"/>). A notebook exported as an app
/// (<see cref="Apps.NotebookApp"/>) writes its report through here too, with the outputs its own run displayed.
/// </summary>
public static partial class NotebookReport
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex("""<script[^>]*id="artifacttools-plotly-js"[^>]*>.*?</script>""", RegexOptions.Singleline)]
    private static partial Regex PlotlyScript();

    public static string ToHtml(ExecutedNotebook notebook)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>").Append(WebUtility.HtmlEncode(notebook.Name)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:1100px;margin:auto;padding:0 12px} table{border-collapse:collapse} ")
            .Append("td,th{padding:2px 8px} details.code{margin:8px 0;color:#555} pre{white-space:pre-wrap} pre.error{color:#b00}</style>\n</head><body>\n");
        bool plotlyIncluded = false;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == "markdown") { html.Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append('\n'); continue; }
            if (cell.Kind != "code") continue;
            if (!string.IsNullOrWhiteSpace(cell.Source)) // an exported app's run has outputs only (see Apps.NotebookApp)
                html.Append("<details class=\"code\"><summary>code</summary><pre><code>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre></details>\n");
            foreach (var output in cell.Outputs)
                html.Append("<div class=\"output\">").Append(Render(output, ref plotlyIncluded)).Append("</div>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes the report atomically (<see cref="ArtifactTools.FileSystem.AtomicFile"/>), so a crash leaves no half file.</summary>
    public static string Save(ExecutedNotebook notebook, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        ArtifactTools.FileSystem.AtomicFile.WriteAllText(full, ToHtml(notebook));
        return full;
    }

    static string Render(CellOutput output, ref bool plotlyIncluded)
    {
        if (output.IsError) return $"<pre class=\"error\">{WebUtility.HtmlEncode(output.Data["text/plain"])}</pre>";
        var (mime, content) = output.Preferred;
        switch (mime)
        {
            case "text/html":
                // A notebook whose setup cell ran twice carries plotly.js twice; the report needs it once.
                if (plotlyIncluded) return PlotlyScript().Replace(content, "");
                plotlyIncluded = PlotlyScript().IsMatch(content);
                return content;
            case "image/png":
                return $"<img src=\"data:image/png;base64,{content.Trim()}\"/>";
            default:
                return content.Length == 0 ? "" : $"<pre>{WebUtility.HtmlEncode(content)}</pre>";
        }
    }
}

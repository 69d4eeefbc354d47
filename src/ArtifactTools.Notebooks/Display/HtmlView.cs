using System.Net;

namespace ArtifactTools.Notebooks;

/// <summary>
/// Something a notebook displays as HTML: pictures, tables, charts. The .NET Interactive kernel renders it through the
/// convention-based formatter below (so this library needs no kernel package); the offline report of a run
/// (<see cref="Kernel.NotebookReport"/>) keeps that HTML as it is.
/// </summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public class HtmlView(string html)
{
    public virtual string ToHtml() => html;
    public override string ToString() => ToHtml();

    /// <summary>Escaped text in a paragraph, for captions and notes.</summary>
    public static HtmlView Text(string text) => new($"<p>{WebUtility.HtmlEncode(text)}</p>");

    /// <summary>A plain HTML table (small result tables read better as text than as a chart).</summary>
    public static HtmlView Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object>> rows)
    {
        var sb = new System.Text.StringBuilder("<table style=\"border-collapse:collapse\"><tr>");
        foreach (var h in headers) sb.Append("<th style=\"border-bottom:1px solid #888;padding:2px 8px\">").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td style=\"padding:2px 8px;text-align:right\">").Append(WebUtility.HtmlEncode(FormatCell(cell))).Append("</td>");
            sb.Append("</tr>");
        }
        return new HtmlView(sb.Append("</table>").ToString());
    }

    static string FormatCell(object cell) => cell switch
    {
        double d => d.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell?.ToString() ?? "",
    };
}

// .NET Interactive finds formatters by CONVENTION: an attribute named TypeFormatterSourceAttribute whose
// FormatterSourceType has CreateTypeFormatters(), each formatter exposing MimeType and Format(object, TextWriter).
// Declaring these here (instead of referencing Microsoft.DotNet.Interactive, archived and absent from our feed) keeps
// the kernel rendering our views as HTML while nothing else depends on the kernel.

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
    public string[] PreferredMimeTypes { get; set; } = [];
}

internal sealed class HtmlViewFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlViewFormatter()];
}

internal sealed class HtmlViewFormatter
{
    public string MimeType => "text/html";

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not HtmlView view) return false;
        writer.Write(view.ToHtml());
        return true;
    }
}

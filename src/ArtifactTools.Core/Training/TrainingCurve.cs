using System.Globalization;
using System.Net;
using System.Text;
using ArtifactTools.FileSystem;

namespace ArtifactTools.Training;

/// <summary>
/// Writes the training curve as one self-contained HTML file with inline SVG (training loss and validation PSNR
/// against iterations): opens in any browser, offline, with no script.
/// </summary>
public static class TrainingCurve
{
    const int Width = 720, Height = 260, Margin = 50;

    public static void Write(string path, string title, IReadOnlyList<TrainingLogEntry> entries)
    {
        var loss = entries.Select(e => (x: (double)e.Iteration, y: e.Loss)).ToList();
        var psnr = entries.Where(e => e.ValidationPsnr is not null).Select(e => (x: (double)e.Iteration, y: e.ValidationPsnr!.Value)).ToList();
        var baseline = entries.LastOrDefault(e => e.BaselinePsnr is not null)?.BaselinePsnr;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title))
            .Append("</title><style>body{font-family:sans-serif;margin:2em}svg{background:#fff;border:1px solid #ddd}</style></head><body>")
            .Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>")
            .Append(Chart("Validation PSNR (dB)" + (baseline is null ? "" : $", degraded input {baseline:0.00} dB dashed"), psnr, "#1f77b4", baseline))
            .Append(Chart("Training loss (log scale)", loss.Where(p => p.y > 0).Select(p => (p.x, Math.Log10(p.y))).ToList(), "#d62728", null))
            .Append("</body></html>");
        AtomicFile.WriteAllText(path, html.ToString());
    }

    static string Chart(string label, IReadOnlyList<(double x, double y)> points, string colour, double? reference)
    {
        var svg = new StringBuilder($"<h3>{WebUtility.HtmlEncode(label)}</h3><svg width=\"{Width}\" height=\"{Height}\">");
        if (points.Count == 0) return svg.Append("<text x=\"60\" y=\"40\">no data yet</text></svg>").ToString();
        double minX = points.Min(p => p.x), maxX = Math.Max(points.Max(p => p.x), minX + 1);
        var ys = points.Select(p => p.y).Concat(reference is null ? [] : [reference.Value]).ToList();
        double minY = ys.Min(), maxY = Math.Max(ys.Max(), minY + 1e-6);
        double pad = (maxY - minY) * 0.05;
        minY -= pad; maxY += pad;
        string X(double x) => (Margin + (x - minX) / (maxX - minX) * (Width - 2 * Margin)).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double y) => (Height - Margin + -(y - minY) / (maxY - minY) * (Height - 2 * Margin)).ToString("0.#", CultureInfo.InvariantCulture);
        svg.Append($"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"#888\"/>")
           .Append($"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"#888\"/>");
        foreach (var (value, anchor) in new[] { (minY + pad, "start"), (maxY - pad, "start") })
            svg.Append($"<text x=\"4\" y=\"{Y(value)}\" font-size=\"11\">{value.ToString("0.###", CultureInfo.InvariantCulture)}</text>");
        svg.Append($"<text x=\"{Margin}\" y=\"{Height - 20}\" font-size=\"11\">{minX:0}</text>")
           .Append($"<text x=\"{Width - Margin - 40}\" y=\"{Height - 20}\" font-size=\"11\">{maxX:0} iterations</text>");
        if (reference is not null)
            svg.Append($"<line x1=\"{Margin}\" y1=\"{Y(reference.Value)}\" x2=\"{Width - Margin}\" y2=\"{Y(reference.Value)}\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>");
        svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"")
           .AppendJoin(' ', points.Select(p => X(p.x) + "," + Y(p.y))).Append("\"/>");
        return svg.Append("</svg>").ToString();
    }
}

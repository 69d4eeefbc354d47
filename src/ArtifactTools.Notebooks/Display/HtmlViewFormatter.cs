using System.Net;

namespace ArtifactTools.Notebooks;

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

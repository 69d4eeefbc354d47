using System.Net;

namespace ArtifactTools.Notebooks;

internal sealed class HtmlViewFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlViewFormatter()];
}

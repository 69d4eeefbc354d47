namespace ArtifactTools.Notebooks;

/// <summary>
/// plotly.js (npm plotly.js-dist-min, MIT, embedded into this assembly at build time) for the charts, so they draw
/// offline, in the kernel's notebook as in an exported report. As Python plotly's offline mode does, the library goes
/// into the page once: into the first output of a notebook session that needs it (the setup cell displays
/// <see cref="Embed"/>; otherwise the first chart carries it); later charts use the page's <c>window.Plotly</c>.
/// </summary>
public static class PlotlyJs
{
    /// <summary>Marks the script block, e.g. for a test that checks the library is in a report exactly once.</summary>
    public const string Marker = "artifacttools-plotly-js";

    static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream("plotly.min.js")
            ?? throw new InvalidOperationException("plotly.min.js is not embedded in ArtifactTools.Notebooks (build the project with npm available).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    static int embedded;

    /// <summary>The first line of the embedded file, e.g. "plotly.js v4.1.2".</summary>
    public static string Version => Source.Value.Split('\n').Select(l => l.Trim(' ', '*', '/')).First(l => l.StartsWith("plotly.js", StringComparison.Ordinal));

    /// <summary>plotly.js as a script block, for the setup cell of a notebook; displaying it twice does no harm.</summary>
    public static HtmlView Embed()
    {
        Interlocked.Exchange(ref embedded, 1);
        return new HtmlView(ScriptBlock());
    }

    /// <summary>The script block the first time in this process, after that nothing.</summary>
    internal static string ScriptOnce() => Interlocked.Exchange(ref embedded, 1) == 0 ? ScriptBlock() : "";

    // The minified file contains no "</script"; the block is still guarded so a future release cannot end it early.
    static string ScriptBlock() =>
        $"<script type=\"text/javascript\" id=\"{Marker}\">\n/* {Version}, MIT license, embedded by ArtifactTools.Notebooks */\n" +
        Source.Value.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "\n</script>";
}

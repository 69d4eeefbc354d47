using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArtifactTools.Notebooks;
using ArtifactTools.Notebooks.Kernel;
using Xunit.Abstractions;

namespace ArtifactTools.Tests.Notebooks;

/// <summary>
/// Every notebook runs top to bottom in the real .NET Interactive C# kernel (dotnet-repl, a local tool of this
/// repository) on the tiny budget, started in notebooks/ as Jupyter and VS Code start it; the test then reads the
/// notebook the kernel saved: no error output, every chart has data, pictures are there, nothing comes from a CDN; the
/// HTML report of the run carries the notebook's text and plotly.js once, and a browser without network draws its charts.
/// </summary>
[Collection(nameof(NotebookKernelCollection))]
public sealed partial class NotebookKernelTests(NotebookKernelFixture kernel, ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(NotebookKernelFixture.NotebookFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_the_kernel_with_charts_and_pictures_offline(string notebook)
    {
        using var temp = new TempDirectory();
        var run = await kernel.RunAsync(notebook, NotebookKernelFixture.NotebookFolder, temp.Path);
        output.WriteLine($"{notebook}: {run.Elapsed.TotalSeconds:F1} s in the kernel (tiny budget)");
        var executed = run.Load();

        AssertRanWithoutErrors(executed, run);
        var html = executed.Outputs.Where(o => !o.IsError).Select(o => o.Preferred.Content).ToList();
        var charts = html.SelectMany(ChartFigures).ToList();
        Assert.True(charts.Count > 0, $"{notebook} shows no chart.");
        foreach (var figure in charts) AssertHasData(figure, notebook);
        Assert.True(html.Any(h => h.Contains("<img", StringComparison.Ordinal)), $"{notebook} shows no picture.");
        foreach (var img in html.SelectMany(h => ImageSources().Matches(h)).Select(m => m.Groups[1].Value))
            Assert.StartsWith("data:image/png;base64,", img);
        AssertNothingFromTheNetwork(string.Concat(html), notebook);

        var report = NotebookReport.ToHtml(executed);
        var title = executed.Cells.First(c => c.Kind == "markdown").Source.Split('\n')[0].TrimStart('#', ' ');
        Assert.Contains("<h1 id=\"", report);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title), report);
        Assert.Single(PlotlyBlocks().Matches(report));
        AssertNothingFromTheNetwork(report, notebook);
        await AssertChartsDrawInABrowser(report, charts.Count, notebook, temp.Path, output);
    }

    [Fact]
    public async Task Notebook_runs_in_a_kernel_started_at_the_repository_root()
    {
        using var temp = new TempDirectory();
        var run = await kernel.RunAsync("01-jpeg-artifacts-and-metrics.ipynb", RepositoryPaths.Root, temp.Path);
        output.WriteLine($"01 from the repository root: {run.Elapsed.TotalSeconds:F1} s");
        AssertRanWithoutErrors(run.Load(), run);
    }

    static void AssertRanWithoutErrors(ExecutedNotebook executed, KernelRun run)
    {
        var errors = executed.Cells.SelectMany(c => c.Outputs.Where(o => o.IsError).Select(o => $"cell {c.Index}: {o.Data["text/plain"]}")).ToList();
        Assert.True(errors.Count == 0, $"{executed.Name} has error outputs:\n" + string.Join("\n", errors.Take(3)) + "\nkernel log:\n" + Tail(run.Log));
        var silent = executed.Cells.Where(c => c.Kind == "code" && c.Outputs.Count == 0 && c.Source.Contains("display(", StringComparison.Ordinal)).Select(c => c.Index).ToList();
        Assert.True(silent.Count == 0, $"{executed.Name}: cells {string.Join(", ", silent)} display something but have no output (did the kernel stop early?)\n" + Tail(run.Log));
    }

    /// <summary>Opens the report in headless Chromium (no network here) and checks that plotly.js drew every chart.
    /// CI installs Chromium (.ci/run); elsewhere the check runs where Chromium is installed and says when it is not.</summary>
    internal static async Task AssertChartsDrawInABrowser(string report, int charts, string notebook, string folder, ITestOutputHelper output)
    {
        if (HeadlessBrowser.Path is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "CI must install Chromium (see .ci/run) to check that reports draw offline.");
            output.WriteLine("Chromium is not installed: the report was not opened in a browser.");
            return;
        }
        var file = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(file, report);
        var page = await HeadlessBrowser.RenderAsync(file);
        int drawn = DrawnCharts().Matches(page).Count;
        Assert.True(drawn == charts, $"{notebook}: the browser drew {drawn} of {charts} charts of the report.");
    }

    internal static void AssertHasData(JsonNode figure, string notebook)
    {
        var traces = figure["data"]!.AsArray();
        Assert.True(traces.Count > 0, $"{notebook}: a chart has no traces.");
        foreach (var trace in traces)
        {
            int points = (trace!["y"] as JsonArray)?.Count(v => v is not null) ?? 0;
            Assert.True(points > 0, $"{notebook}: trace '{trace["name"]}' of a chart has no points.");
        }
    }

    /// <summary>No script, stylesheet or picture is loaded from another host (plotly.js itself is left out: its source
    /// names map-tile servers that our charts never use).</summary>
    internal static void AssertNothingFromTheNetwork(string html, string notebook)
    {
        var page = PlotlyBlocks().Replace(html, "");
        var fetched = RemoteReferences().Matches(page).Select(m => m.Value).ToList();
        Assert.True(fetched.Count == 0, $"{notebook} loads from the network: {string.Join(", ", fetched.Take(3))}");
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
    }

    internal static IEnumerable<JsonNode> ChartFigures(string html) =>
        ChartJson().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!);

    static string Tail(string log) => log.Length <= 3000 ? log : log[^3000..];

    [GeneratedRegex("""<script type="application/json" id="chart-[0-9a-f]+-figure">(.*?)</script>""", RegexOptions.Singleline)]
    internal static partial Regex ChartJson();

    [GeneratedRegex("""<script[^>]*id="artifacttools-plotly-js"[^>]*>.*?</script>""", RegexOptions.Singleline)]
    internal static partial Regex PlotlyBlocks();

    [GeneratedRegex("""<div id="chart-[0-9a-f]+" class="artifacttools-chart js-plotly-plot""")]
    private static partial Regex DrawnCharts();

    [GeneratedRegex("""<img[^>]*\ssrc="([^"]*)""")]
    internal static partial Regex ImageSources();

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//[^"' >]+|requirejs\.config|@import\s+url""", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteReferences();
}

/// <summary>Installs the kernel once (dotnet tool restore) and runs one notebook at a time: each run loads libtorch and
/// trains, and two at once on a 2-core machine only slow each other down.</summary>
public sealed class NotebookKernelFixture
{
    public static string NotebookFolder => Path.Combine(RepositoryPaths.Root, "notebooks");
    static string Library => Path.Combine(RepositoryPaths.Root, "src", "ArtifactTools.Notebooks", "bin", "Release", "net10.0", "ArtifactTools.Notebooks.dll");

    readonly Lazy<Task> tools = new(() => NotebookKernel.RestoreToolsAsync());

    public async Task<KernelRun> RunAsync(string notebook, string workingDirectory, string outputFolder)
    {
        Assert.True(File.Exists(Library), $"The notebooks #r {Library}: build Release first (dotnet build -c Release or dotnet test -c Release).");
        await tools.Value;
        return await NotebookKernel.RunAsync(Path.Combine(NotebookFolder, notebook), Path.Combine(outputFolder, notebook), workingDirectory,
            budget: "tiny", timeout: TimeSpan.FromMinutes(5));
    }
}

[CollectionDefinition(nameof(NotebookKernelCollection))]
public sealed class NotebookKernelCollection : ICollectionFixture<NotebookKernelFixture>;

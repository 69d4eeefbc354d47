using System.Text.Json.Nodes;
using ArtifactTools.Notebooks;
using ArtifactTools.Notebooks.Kernel;
using ArtifactTools.Training;

namespace ArtifactTools.Tests.Notebooks;

/// <summary>The notebook library without the kernel: reports, chart figures, results tables, the budget switch.</summary>
[Collection(nameof(NotebookKernelCollection))] // the budget test changes process-wide settings
public sealed class NotebookLibraryTests
{
    [Fact]
    public void Report_keeps_markdown_and_one_copy_of_plotly_js_and_shows_errors()
    {
        using var temp = new TempDirectory();
        var chart = Charts.Curves("t", "x", "y", new Series("s", [1, 2], [3, double.NaN]));
        var plotly = PlotlyJs.Embed().ToHtml();
        var path = Path.Combine(temp.Path, "run.ipynb");
        File.WriteAllText(path, new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(
                new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = new JsonArray("# Title\n", "| a | b |\n", "|---|---|\n", "| 1 | 2 |") },
                CodeCell("display(PlotlyJs.Embed());", DisplayHtml(plotly)),
                CodeCell("display(chart);", DisplayHtml(chart.ToHtml())),
                CodeCell("display(PlotlyJs.Embed());", DisplayHtml(plotly)),
                CodeCell("throw new Exception();", new JsonObject { ["output_type"] = "error", ["ename"] = "Exception", ["evalue"] = "boom", ["traceback"] = new JsonArray() })),
        }.ToJsonString());

        var executed = ExecutedNotebook.Load(path);
        var report = NotebookReport.ToHtml(executed);

        Assert.Contains("<h1 id=\"title\">Title</h1>", report);
        Assert.Contains("<table>", report);
        Assert.Single(NotebookKernelTests.PlotlyBlocks().Matches(report));
        Assert.Contains("plotly.js v4.1.2", report);
        Assert.Contains("Exception: boom", report);
        Assert.Single(executed.Outputs, o => o.IsError);
    }

    [Fact]
    public void Chart_figures_are_plotly_json_with_gaps_for_missing_values()
    {
        var curves = Assert.Single(NotebookKernelTests.ChartFigures(Charts.Curves("t", "x", "y", new Series("s", [1, 2], [3, double.NaN])).ToHtml()));
        var trace = curves["data"]![0]!;
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal(3.0, (double)trace["y"]![0]!);
        Assert.Null(trace["y"]![1]); // NaN is a gap, not invalid JSON
        Assert.Equal("t", (string?)curves["layout"]!["title"]!["text"]);

        var bars = Charts.Bars("b", "dB", ["q10", "q20"], ("JPEG", [27.8, 30.1]), ("restored", [29.0, 31.2])).Figure;
        Assert.Equal("group", (string?)bars["layout"]!["barmode"]);
        Assert.Equal(2, bars["data"]!.AsArray().Count);
        Assert.Equal("q20", (string?)bars["data"]![1]!["x"]![1]);

        var tradeOff = Charts.TradeOff("s", "ms", "dB", new LabelledPoint("a", 1, 2), new LabelledPoint("b", 3, 4)).Figure;
        Assert.Equal("b", (string?)tradeOff["data"]![0]!["text"]![1]);
        // A label with markup cannot end the figure's script block.
        Assert.DoesNotContain("</script>", new ChartView(new JsonObject { ["data"] = new JsonArray(), ["layout"] = new JsonObject { ["t"] = "</script>" } }).ToJson());
    }

    [Fact]
    public void Results_table_puts_the_paper_beside_ours_and_names_both_sets()
    {
        var run = new TrainingRun("ARCNN", new TrainingResult
        {
            ModelPath = "m", Architecture = "64(9)-32(7)-16(1)-1(5)", Degradation = "jpeg:10", Recipe = "fast", Iterations = 300,
            ValidationPSNR = 28.5, BaselinePSNR = 27.6, LogPath = "l", CurvePath = "c",
        }, [], BatchSize: 16);
        var other = run with { Label = "SRCNN" };

        var html = ResultTables.Training([run, other], "our validation images", "paper 000 Table IV, LIVE1",
            new Dictionary<string, PaperScore> { ["ARCNN"] = new(29.13, 27.77) }).ToHtml();

        Assert.Contains(">4800<", html);     // patches seen: 300 iterations of 16
        Assert.Contains(">0.90<", html);     // our gain
        Assert.Contains(">1.36<", html);     // the paper's gain
        Assert.Contains(">-<", html);        // SRCNN: no paper number given
        Assert.Contains("our validation images", html);
        Assert.Contains("paper 000 Table IV, LIVE1", html);
        Assert.DoesNotContain("paper: gain", ResultTables.Training([run], "ours", "curves only").ToHtml());
    }

    [Fact]
    public void Budget_switch_picks_the_tiny_settings_under_test_and_the_paper_settings_on_request()
    {
        var saved = Environment.GetEnvironmentVariable(NotebookSettings.BudgetVariable);
        try
        {
            Environment.SetEnvironmentVariable(NotebookSettings.BudgetVariable, "tiny");
            Assert.Equal(5, NotebookSettings.Pick(tiny: 5, small: 2_000, paper: 1_000_000));
            Environment.SetEnvironmentVariable(NotebookSettings.BudgetVariable, null);
            NotebookSettings.PaperScale = true;
            Assert.Equal(1_000_000, NotebookSettings.Pick(tiny: 5, small: 2_000, paper: 1_000_000));
            NotebookSettings.PaperScale = false;
            Assert.Equal(2_000, NotebookSettings.Pick(tiny: 5, small: 2_000, paper: 1_000_000));
        }
        finally
        {
            NotebookSettings.PaperScale = false;
            Environment.SetEnvironmentVariable(NotebookSettings.BudgetVariable, saved);
        }
    }

    static JsonObject CodeCell(string source, JsonObject output) => new()
    {
        ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source, ["outputs"] = new JsonArray(output),
    };

    static JsonObject DisplayHtml(string html) => new()
    {
        ["output_type"] = "display_data", ["metadata"] = new JsonObject(), ["data"] = new JsonObject { ["text/html"] = html },
    };
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using ArtifactTools.Notebooks;
using ArtifactTools.Notebooks.Execution;
using ArtifactTools.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ArtifactTools.Tests.Notebooks;

/// <summary>
/// Every notebook in notebooks/ runs cell by cell without the .NET Interactive kernel (Roslyn scripting, as that kernel
/// does) on the tiny budget, displays something, and every chart it shows has data; and its export to a `dotnet run`
/// file-based app compiles.
/// </summary>
public sealed class NotebookTests(ITestOutputHelper output)
{
    static NotebookTests() => Environment.SetEnvironmentVariable(NotebookSettings.BudgetVariable, "tiny");

    static string NotebookFolder => Path.Combine(RepositoryPaths.Root, "notebooks");

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(NotebookFolder, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_without_the_kernel_and_shows_charts_with_data(string notebook)
    {
        var clock = Stopwatch.StartNew();
        var run = await new NotebookRunner().RunAsync(Path.Combine(NotebookFolder, notebook));
        output.WriteLine($"{notebook}: {clock.Elapsed.TotalSeconds:F1} s, {run.Report.Displayed.Count} displays; cells: " +
                         string.Join(", ", run.Timings.Select(t => $"{t.CellIndex}:{t.Elapsed.TotalSeconds:F1}s")));

        Assert.NotEmpty(run.Report.Displayed);
        var charts = run.Report.Displayed.OfType<ChartView>().ToList();
        Assert.NotEmpty(charts);
        foreach (var chart in charts) AssertHasData(chart, notebook);
        Assert.Contains(run.Report.Displayed, d => d is HtmlView v && v.ToHtml().Contains("data:image/png;base64,"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Exported_file_based_app_compiles(string notebook)
    {
        using var temp = new TempDirectory();
        var exported = NotebookExporter.Export(NotebookDocument.Load(Path.Combine(NotebookFolder, notebook)), Path.Combine(temp.Path, "app.cs"));
        var text = File.ReadAllText(exported);
        Assert.Contains("#:project ", text);

        // Compile as `dotnet run` would: the SDK's implicit usings, the app's project references (here: the test's own).
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview).WithFeatures([new("FileBasedProgram", "true")]);
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.IO; global using System.Linq; global using System.Net.Http; " +
            "global using System.Threading; global using System.Threading.Tasks; global using System.Collections.Generic;", parse);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("exported", [CSharpSyntaxTree.ParseText(text, parse, exported), implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{notebook} exported to {exported} does not compile:\n" + string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public async Task Runner_reports_the_failing_cell_and_rejects_kernel_only_magics()
    {
        using var temp = new TempDirectory();
        var throwing = WriteNotebook(temp.Path, "throws.ipynb", "var x = 1;", "display(x);", "throw new InvalidOperationException(\"boom\");");
        var failure = await Assert.ThrowsAsync<NotebookCellException>(() => new NotebookRunner().RunAsync(throwing));
        Assert.Equal(2, failure.CellIndex);
        Assert.Contains("boom", failure.Message);

        var magic = WriteNotebook(temp.Path, "magic.ipynb", "#!time\nvar y = 2;");
        var rejected = await Assert.ThrowsAsync<NotebookCellException>(() => new NotebookRunner().RunAsync(magic));
        Assert.Contains("#!time", rejected.Message);
    }

    [Fact]
    public async Task Cells_share_state_and_a_trailing_expression_is_displayed()
    {
        using var temp = new TempDirectory();
        var path = WriteNotebook(temp.Path, "state.ipynb", "#!csharp\nvar total = 20;", "total + 22");
        var run = await new NotebookRunner().RunAsync(path);
        Assert.Equal(42, Assert.Single(run.Report.Displayed));
    }

    [Fact]
    public void Budget_switch_picks_the_tiny_settings_under_test_and_the_paper_settings_on_request()
    {
        Assert.Equal(NotebookBudget.Tiny, NotebookSettings.Budget);
        Assert.Equal(5, NotebookSettings.Pick(tiny: 5, small: 2_000, paper: 1_000_000));
    }

    static void AssertHasData(ChartView chart, string notebook)
    {
        var figure = JsonNode.Parse(chart.ToJson())!;
        var traces = figure["data"]!.AsArray();
        Assert.True(traces.Count > 0, $"{notebook}: a chart has no traces.");
        foreach (var trace in traces)
        {
            int points = new[] { "y", "values", "z" }.Select(k => trace![k] is JsonArray a ? a.Count : 0).Max();
            Assert.True(points > 0, $"{notebook}: trace '{trace!["name"]}' of a chart has no points.");
        }
    }

    static string WriteNotebook(string folder, string name, params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#" } },
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["source"] = c, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
            }).ToArray()),
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}

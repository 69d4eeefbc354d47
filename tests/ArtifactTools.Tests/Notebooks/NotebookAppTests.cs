using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArtifactTools.Notebooks;
using ArtifactTools.Notebooks.Apps;
using ArtifactTools.Notebooks.Kernel;
using ArtifactTools.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ArtifactTools.Tests.Notebooks;

/// <summary>
/// Every notebook exports to a `dotnet run` file-based app that compiles (in process, with Roslyn, as the SDK compiles a
/// file-based app); two of them, and a small notebook made here, really run as apps (`dotnet run`, tiny budget) and
/// write the offline report a kernel run gets: the notebook's text, tables, pictures, charts with data, plotly.js once.
/// For 01 the app's report is the kernel's, but for the code cells' source and the charts' random element ids.
/// </summary>
[Collection(nameof(NotebookKernelCollection))] // one notebook run at a time, kernel or app: each loads libtorch
public sealed partial class NotebookAppTests(NotebookKernelFixture kernel, ITestOutputHelper output)
{
    /// <summary>Apps that run are written here, always to the same paths, so `dotnet run` reuses their build folders.</summary>
    static string AppFolder => Path.Combine(RepositoryPaths.Root, "out", "notebooks", "apps-test");

    [Theory]
    [MemberData(nameof(NotebookKernelTests.Notebooks), MemberType = typeof(NotebookKernelTests))]
    public void Notebook_exports_to_a_file_based_app_that_compiles(string notebook)
    {
        using var temp = new TempDirectory();
        var app = NotebookExporter.Export(Path.Combine(NotebookKernelFixture.NotebookFolder, notebook), Path.Combine(temp.Path, "apps", Path.ChangeExtension(notebook, ".cs")));
        var text = File.ReadAllText(app);

        var project = Assert.Single(text.Split('\n'), l => l.StartsWith("#:project ", StringComparison.Ordinal))["#:project ".Length..].Trim();
        Assert.True(File.Exists(Path.Combine(temp.Path, "apps", project)), $"{notebook}: #:project {project} does not resolve from the app's folder.");
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("#r ", StringComparison.Ordinal) || l.StartsWith("#!", StringComparison.Ordinal));
        Assert.Contains("NotebookApp.Markdown(\"\"\"", text);
        Assert.EndsWith("NotebookApp.End();", text.TrimEnd());

        var errors = Compile(text, app);
        Assert.True(errors.Count == 0, $"{notebook} exported to {app} does not compile:\n" + string.Join("\n", errors.Take(10)));
    }

    [Theory]
    [InlineData("01-jpeg-artifacts-and-metrics.ipynb", true)] // tables, pictures, three charts; deterministic
    [InlineData("05-cas-cnn.ipynb", false)]                   // trains, then pictures of side outputs
    public async Task Exported_notebook_runs_as_an_app_and_writes_the_report(string notebook, bool sameAsKernel)
    {
        var app = NotebookExporter.Export(Path.Combine(NotebookKernelFixture.NotebookFolder, notebook), Path.Combine(AppFolder, Path.ChangeExtension(notebook, ".cs")));
        var (exitCode, log, elapsed) = await RunAppAsync(app);
        output.WriteLine($"{notebook} as an app: {elapsed.TotalSeconds:F1} s with its build (tiny budget)");
        Assert.True(exitCode == 0, $"{app} exited with {exitCode}:\n{Tail(log)}");

        var report = File.ReadAllText(Path.ChangeExtension(app, ".html"));
        var notebookText = ExecutedNotebook.Load(Path.Combine(NotebookKernelFixture.NotebookFolder, notebook)).Cells.First(c => c.Kind == "markdown").Source;
        Assert.Contains(System.Net.WebUtility.HtmlEncode(notebookText.Split('\n')[0].TrimStart('#', ' ')), report);
        Assert.Contains("Budget: TINY", report);
        Assert.DoesNotContain("class=\"error\"", report);
        var charts = NotebookKernelTests.ChartFigures(report).ToList();
        Assert.NotEmpty(charts);
        foreach (var figure in charts) NotebookKernelTests.AssertHasData(figure, notebook);
        var pictures = NotebookKernelTests.ImageSources().Matches(report).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(pictures);
        Assert.All(pictures, src => Assert.StartsWith("data:image/png;base64,", src));
        Assert.Single(NotebookKernelTests.PlotlyBlocks().Matches(report));
        NotebookKernelTests.AssertNothingFromTheNetwork(report, notebook);
        using var temp = new TempDirectory();
        await NotebookKernelTests.AssertChartsDrawInABrowser(report, charts.Count, notebook, temp.Path, output);

        if (!sameAsKernel) return;
        var run = await kernel.RunAsync(notebook, NotebookKernelFixture.NotebookFolder, temp.Path);
        Assert.Equal(Comparable(NotebookReport.ToHtml(run.Load())), Comparable(report));
    }

    /// <summary>A report without the code cells' source (an app's report has none) and with fixed chart ids.</summary>
    static string Comparable(string report) => ChartId().Replace(CodeBlock().Replace(report, ""), "chart-id");

    [GeneratedRegex("""<details class="code">.*?</details>\n""", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("chart-[0-9a-f]{32}")]
    private static partial Regex ChartId();

    [Fact]
    public async Task App_displays_trailing_expressions_keeps_printed_text_and_reports_the_failing_cell()
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppFolder, "made-here")).FullName;
        var notebook = WriteNotebook(Path.Combine(folder, "made-here.ipynb"),
            ("markdown", "# Made here\nA quote run \"\"\"\" stays text."),
            ("code", "#!csharp\n#r \"src/ArtifactTools.Notebooks/bin/Release/net10.0/ArtifactTools.Notebooks.dll\"\nusing ArtifactTools.Notebooks;\n" +
                     "Console.WriteLine(\"printed by cell 1\");\nrecord Answer(int Value);\nvar answer = new Answer(42);\nanswer.Value"),
            ("code", "display(HtmlView.Text(\"shown as HTML\"));\nthrow new InvalidOperationException(\"boom in cell 2\");"));
        var app = NotebookExporter.Export(notebook, Path.Combine(folder, "made-here.cs"));
        var text = File.ReadAllText(app);
        Assert.Contains("#:project ../../../../src/ArtifactTools.Notebooks/ArtifactTools.Notebooks.csproj", text);
        Assert.Contains("display(answer.Value);", text);
        Assert.True(text.IndexOf("record Answer(int Value);", StringComparison.Ordinal) > text.IndexOf("NotebookApp.End();", StringComparison.Ordinal),
            "type declarations go after the top-level statements");

        var (exitCode, log, _) = await RunAppAsync(app);
        Assert.True(exitCode != 0, "the app must fail when a cell throws:\n" + Tail(log));
        Assert.Contains("printed by cell 1", log);
        var report = File.ReadAllText(Path.ChangeExtension(app, ".html"));
        Assert.Contains("<h1 id=\"made-here\">Made here</h1>", report);
        Assert.Contains("A quote run &quot;&quot;&quot;&quot; stays text.", report);
        Assert.Contains("<pre>printed by cell 1\n</pre>", report);
        Assert.Contains("<pre>42</pre>", report);
        Assert.Contains("<p>shown as HTML</p>", report);
        Assert.Contains("<pre class=\"error\">System.InvalidOperationException: boom in cell 2", report);
    }

    [Fact]
    public void Export_refuses_what_only_the_kernel_can_run()
    {
        using var temp = new TempDirectory();
        var magic = WriteNotebook(temp.File("magic.ipynb"), ("code", "#!time\nvar x = 1;"));
        Assert.Contains("#!time", Assert.Throws<NotSupportedException>(() => NotebookExporter.Export(magic, temp.File("magic.cs"))).Message);
        var fsharp = WriteNotebook(temp.File("fsharp.ipynb"), ("code", "let x = 1"));
        File.WriteAllText(fsharp, File.ReadAllText(fsharp).Replace("\"csharp\"", "\"fsharp\""));
        Assert.Contains("fsharp", Assert.Throws<NotSupportedException>(() => NotebookExporter.Export(fsharp, temp.File("fsharp.cs"))).Message);
        var dll = WriteNotebook(temp.File("dll.ipynb"), ("code", "#r \"/usr/lib/some.dll\""));
        Assert.Throws<NotSupportedException>(() => NotebookExporter.Export(dll, temp.File("dll.cs")));
    }

    [Fact]
    public void A_variable_declared_in_two_cells_does_not_compile_as_an_app()
    {
        using var temp = new TempDirectory();
        var notebook = WriteNotebook(temp.File("twice.ipynb"), ("code", "var x = 1;"), ("code", "var x = 2;\nx"));
        var app = NotebookExporter.Export(notebook, temp.File("twice.cs"));
        Assert.Contains(Compile(File.ReadAllText(app), app), d => d.Id == "CS0128"); // the compile check above catches it
    }

    // Compiles an app as `dotnet run` does: #: directives allowed, the SDK's implicit usings, the app's references (here
    // the test's own, which include the notebook library and everything it references).
    static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p))]);

    static List<Diagnostic> Compile(string text, string path)
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithFeatures([new("FileBasedProgram", "true")]);
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
            "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse);
        var compilation = CSharpCompilation.Create("app", [CSharpSyntaxTree.ParseText(text, parse, path), implicitUsings], References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    /// <summary>`dotnet run -c Release` of the app at the tiny budget: it references the Release build the test runs on;
    /// the native libraries it copies beside itself are hard links where the file system allows.</summary>
    static async Task<(int ExitCode, string Log, TimeSpan Elapsed)> RunAppAsync(string app)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(), // the app starts in its notebook's folder by itself
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "-c", "Release", "--no-cache", "--property:CreateHardLinksForCopyLocalIfPossible=true", app, "--", "--budget", "tiny" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove(NotebookSettings.BudgetVariable);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet run {app} did not finish within 5 minutes.");
        }
        return (process.ExitCode, await stdout + await stderr, clock.Elapsed);
    }

    static string WriteNotebook(string path, params (string Kind, string Source)[] cells)
    {
        File.WriteAllText(path, new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#" } },
            ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = c.Kind, ["source"] = c.Source, ["outputs"] = new JsonArray(),
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            })]),
        }.ToJsonString());
        return path;
    }

    static string Tail(string log) => log.Length <= 3000 ? log : log[^3000..];
}

// Runs notebooks top to bottom in the .NET Interactive C# kernel (the repository's local tool dotnet-repl) and writes
// each one with its outputs and an offline HTML report (markdown, pictures, charts, plotly.js inside) to out/notebooks/runs:
//   dotnet build -c Release                     # once: the notebooks #r src/ArtifactTools.Notebooks/bin/Release
//   dotnet run notebooks/run.cs -- notebooks/01-jpeg-artifacts-and-metrics.ipynb [more.ipynb ...] [--budget tiny|small|paper]
// Without --budget each notebook follows its own switch (NotebookSettings.PaperScale). A notebook already run elsewhere
// (Jupyter, VS Code: saved with its outputs) only needs its report, written beside it:
//   dotnet run notebooks/run.cs -- --report-only path/to/saved.ipynb
// See notebooks/README.md.
#:project ../src/ArtifactTools.Notebooks/ArtifactTools.Notebooks.csproj
#:property PublishAot=false
using ArtifactTools.Notebooks;
using ArtifactTools.Notebooks.Kernel;

var budget = args.SkipWhile(a => a != "--budget").Skip(1).FirstOrDefault();
bool reportOnly = args.Contains("--report-only");
var notebooks = args.Where((a, i) => a is not ("--budget" or "--report-only") && (i == 0 || args[i - 1] != "--budget")).ToList();
if (notebooks.Count == 0 || budget is not (null or "tiny" or "small" or "paper"))
{
    Console.Error.WriteLine("usage: dotnet run notebooks/run.cs -- <notebook.ipynb> [more.ipynb ...] [--budget tiny|small|paper]");
    Console.Error.WriteLine("       dotnet run notebooks/run.cs -- --report-only <saved.ipynb> [more.ipynb ...]");
    return 2;
}

if (reportOnly)
{
    foreach (var saved in notebooks)
        Console.WriteLine(NotebookReport.Save(ExecutedNotebook.Load(saved), Path.ChangeExtension(saved, ".html")));
    return 0;
}

await NotebookKernel.RestoreToolsAsync();
var runs = Path.Combine(NotebookData.RepositoryRoot, "out", "notebooks", "runs");
int failed = 0;
foreach (var notebook in notebooks)
{
    var name = Path.GetFileNameWithoutExtension(notebook);
    Console.WriteLine($"{name}: running in the kernel ({budget ?? "the notebook's own"} budget) ...");
    var run = await NotebookKernel.RunAsync(notebook, Path.Combine(runs, name + ".ipynb"), Path.GetDirectoryName(Path.GetFullPath(notebook))!,
        budget, timeout: TimeSpan.FromDays(7));
    var executed = run.Load();
    var report = NotebookReport.Save(executed, Path.Combine(runs, name + ".html"));
    var errors = executed.Cells.Where(c => c.Outputs.Any(o => o.IsError)).Select(c => c.Index).ToList();
    if (errors.Count > 0) failed++;
    Console.WriteLine($"{name}: {run.Elapsed.TotalMinutes:F1} min, " + (errors.Count == 0 ? "no errors" : $"errors in cells {string.Join(", ", errors)}") +
                      $"\n  {run.OutputNotebookPath}\n  {report}");
}
return failed == 0 ? 0 : 1;

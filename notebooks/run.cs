// Runs notebooks top to bottom in the .NET Interactive C# kernel (the repository's local tool dotnet-repl) and writes
// each one with its outputs and an offline HTML report (markdown, pictures, charts, plotly.js inside) to out/notebooks/runs:
//   dotnet build -c Release                     # once: the notebooks #r src/ArtifactTools.Notebooks/bin/Release
//   dotnet run notebooks/run.cs -- notebooks/01-jpeg-artifacts-and-metrics.ipynb [more.ipynb ...] [--budget tiny|small|paper]
// Without --budget each notebook follows its own switch (NotebookSettings.PaperScale). See notebooks/README.md.
#:project ../src/ArtifactTools.Notebooks/ArtifactTools.Notebooks.csproj
#:property PublishAot=false
using ArtifactTools.Notebooks;
using ArtifactTools.Notebooks.Kernel;

var budget = args.SkipWhile(a => a != "--budget").Skip(1).FirstOrDefault();
var notebooks = args.Where((a, i) => a != "--budget" && (i == 0 || args[i - 1] != "--budget")).ToList();
if (notebooks.Count == 0 || budget is not (null or "tiny" or "small" or "paper"))
{
    Console.Error.WriteLine("usage: dotnet run notebooks/run.cs -- <notebook.ipynb> [more.ipynb ...] [--budget tiny|small|paper]");
    return 2;
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

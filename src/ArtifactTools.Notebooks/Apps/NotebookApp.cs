using System.Runtime.CompilerServices;
using ArtifactTools.Notebooks.Kernel;

namespace ArtifactTools.Notebooks.Apps;

/// <summary>
/// The kernel's part in a notebook exported as a file-based app (<see cref="NotebookExporter"/>): the app calls
/// <see cref="Begin"/>, then <see cref="Markdown"/> and <see cref="Cell"/> in the notebook's order, and <see cref="End"/>.
/// The cells' own <c>display(x)</c> calls land in <see cref="display"/> (the app has <c>using static</c> of this class),
/// which formats <c>x</c> with the formatters the kernel uses (<see cref="KernelFormatters"/>); printed text is kept as
/// the cell's stream output. <see cref="End"/> writes <c>name.html</c> beside the app through <see cref="NotebookReport"/>,
/// the same report a kernel run gets; a cell that throws ends the app with its error in the report.
/// </summary>
public static class NotebookApp
{
    static readonly List<NotebookCell> Cells = [];
    static List<CellOutput>? outputs;
    static ConsoleCapture? console;
    static string app = "notebook.cs";
    static bool ended;

    /// <summary>Starts the run in the notebook's folder (relative to the app), where Jupyter and VS Code start the
    /// kernel; <c>--budget tiny|small|paper</c> among <paramref name="args"/> sets <see cref="NotebookSettings.BudgetVariable"/>.</summary>
    public static void Begin(string notebookFolder, string[] args, [CallerFilePath] string appSource = "")
    {
        app = AppContext.GetData("EntryPointFilePath") as string ?? appSource;
        var budget = Array.IndexOf(args, "--budget");
        if (budget >= 0 && budget + 1 < args.Length) Environment.SetEnvironmentVariable(NotebookSettings.BudgetVariable, args[budget + 1]);
        Directory.SetCurrentDirectory(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(app)!, notebookFolder)));
        Console.SetOut(console = new ConsoleCapture(Console.Out));
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Add(new CellOutput("error", new Dictionary<string, string> { ["text/plain"] = e.ExceptionObject.ToString() ?? "" }));
            End();
        };
    }

    /// <summary>A markdown cell: shown as text in the report.</summary>
    public static void Markdown(string text) => Cells.Add(new NotebookCell(Cells.Count, "markdown", text, []));

    /// <summary>The start of code cell <paramref name="index"/> (its index in the notebook); what follows displays into it.</summary>
    public static void Cell(int index)
    {
        TakePrinted();
        Cells.Add(new NotebookCell(index, "code", "", outputs = []));
    }

    /// <summary>The kernel's <c>display(...)</c>: the value goes to the current cell's outputs, formatted as the kernel
    /// formats it (HTML for pictures, tables and charts); plain values are also printed.</summary>
#pragma warning disable IDE1006 // the kernel's name
    public static void display(object? value)
#pragma warning restore IDE1006
    {
        var output = KernelFormatters.Format(value);
        TakePrinted();
        Add(output);
        if (output.Data.TryGetValue("text/plain", out var text)) (console?.Terminal ?? Console.Out).WriteLine(text);
    }

    /// <summary>Writes the report (once) and returns its path: name.html beside the app.</summary>
    public static string End()
    {
        var report = Path.ChangeExtension(app, ".html");
        if (ended) return report;
        ended = true;
        TakePrinted();
        NotebookReport.Save(new ExecutedNotebook { Path = app, Cells = Cells }, report);
        Console.WriteLine($"Report: {report}");
        return report;
    }

    static void TakePrinted()
    {
        var printed = console?.Take();
        if (!string.IsNullOrEmpty(printed)) Add(new CellOutput("stream", new Dictionary<string, string> { ["text/plain"] = printed }));
    }

    static void Add(CellOutput output)
    {
        if (outputs is null) Cell(-1); // displayed before the first cell
        outputs!.Add(output);
    }
}

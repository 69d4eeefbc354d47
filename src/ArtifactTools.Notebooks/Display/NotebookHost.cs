namespace ArtifactTools.Notebooks;

/// <summary>
/// The kernel's <c>display(...)</c> for a notebook exported as a `dotnet run` file-based app: the exported file starts
/// with <c>using static ArtifactTools.Notebooks.NotebookHost;</c> and <c>Begin("name")</c>, so the cells' own
/// <c>display(x)</c> calls land here and the report is written to name.html beside the app when it ends (also on a
/// failure, with what was displayed so far).
/// </summary>
public static class NotebookHost
{
    static HtmlReport? report;
    static string? reportPath;

    public static void Begin(string name, string? path = null)
    {
        report = new HtmlReport(name);
        // `dotnet run app.cs` tells a file-based app where its source is; elsewhere the working directory is used.
        var folder = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
        reportPath = Path.GetFullPath(path ?? Path.Combine(folder, name + ".html"));
        Console.WriteLine(NotebookSettings.Describe());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => End();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => End();
    }

    public static void display(object? value)
    {
        (report ??= new HtmlReport("notebook")).Add(value);
        // Text also goes to the console; pictures and charts only to the report.
        if (value is not null and not HtmlView and not Plotly.NET.GenericChart) Console.WriteLine(value);
    }

    /// <summary>Writes the report (once); returns its path.</summary>
    public static string? End()
    {
        if (report is null) return null;
        var path = reportPath ?? Path.GetFullPath("notebook.html");
        report.Save(path);
        Console.WriteLine($"Report with {report.Displayed.Count} displays: {path}");
        report = null;
        return path;
    }
}

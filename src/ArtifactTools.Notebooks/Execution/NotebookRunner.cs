using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace ArtifactTools.Notebooks.Execution;

/// <summary>What the cells see as globals: the kernel's <c>display(...)</c>, captured into the run's report.</summary>
public sealed class NotebookGlobals(HtmlReport report)
{
    public void display(object? value) => report.Add(value);
}

/// <summary>A cell that did not compile or threw: which notebook, which cell (0-based index in the file), why.</summary>
public sealed class NotebookCellException(string notebook, int cellIndex, string message, Exception? inner = null)
    : Exception($"{notebook}, cell {cellIndex}: {message}", inner)
{
    public string Notebook { get; } = notebook;
    public int CellIndex { get; } = cellIndex;
}

public sealed record CellTiming(int CellIndex, TimeSpan Elapsed);

/// <summary>The outcome of a run: everything displayed (in order, also as an HTML report) and each cell's time.</summary>
public sealed record NotebookRun(NotebookDocument Notebook, HtmlReport Report, IReadOnlyList<CellTiming> Timings);

/// <summary>
/// Runs a C# notebook without the .NET Interactive kernel, the way that kernel does: one Roslyn script submission per
/// code cell (CSharpScript.RunAsync, then ContinueWithAsync, so later cells see earlier variables), the kernel's default
/// imports, <c>display(...)</c> from a globals object, and a cell's trailing expression displayed as its result.
/// References come from the HOST process: every assembly the host was built with (its trusted platform assemblies) is
/// referenced, so <c>#r "nuget: X"</c> and <c>#r "…/X.dll"</c> map to the host's own X (one copy of each type in the
/// process); a dll the host lacks is loaded from the path relative to the notebook, a package the host lacks is an error.
/// </summary>
public sealed class NotebookRunner
{
    // The C# kernel's default usings (Microsoft.DotNet.Interactive.CSharp), so cells compile the same in both.
    public static readonly ImmutableArray<string> KernelImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    static readonly Lazy<Dictionary<string, string>> HostAssemblies = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    static readonly Lazy<ImmutableArray<MetadataReference>> HostReferences = new(() =>
        [.. HostAssemblies.Value.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    public async Task<NotebookRun> RunAsync(string notebookPath, CancellationToken cancellationToken = default)
    {
        var notebook = NotebookDocument.Load(notebookPath);
        var report = new HtmlReport(notebook.Name);
        var globals = new NotebookGlobals(report);
        var options = ScriptOptions.Default
            .WithReferences(HostReferences.Value)
            .AddReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(KernelImports)
            .WithFilePath(notebook.Path)
            .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
        var timings = new List<CellTiming>();
        ScriptState<object>? state = null;

        foreach (var cell in notebook.CodeCells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CellDirectives directives;
            try { directives = CellDirectives.Parse(cell, notebook.Directory); }
            catch (Exception e) { throw new NotebookCellException(notebook.Name, cell.Index, e.Message, e); }
            options = options.AddReferences(ExtraReferences(notebook, cell, directives));

            var clock = Stopwatch.StartNew();
            try
            {
                state = state is null
                    ? await CSharpScript.RunAsync(directives.Code, options, globals, typeof(NotebookGlobals), cancellationToken)
                    : await state.ContinueWithAsync(directives.Code, options, cancellationToken);
            }
            catch (CompilationErrorException e)
            {
                throw new NotebookCellException(notebook.Name, cell.Index, "does not compile:\n  " + string.Join("\n  ", e.Diagnostics), e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new NotebookCellException(notebook.Name, cell.Index, $"threw {e.GetType().Name}: {e.Message}", e);
            }
            timings.Add(new CellTiming(cell.Index, clock.Elapsed));
            if (state.ReturnValue is { } result) report.Add(result);
        }
        return new NotebookRun(notebook, report, timings);
    }

    static IEnumerable<MetadataReference> ExtraReferences(NotebookDocument notebook, NotebookCell cell, CellDirectives directives)
    {
        foreach (var package in directives.Packages)
            if (!HostAssemblies.Value.ContainsKey(package.Name))
                throw new NotebookCellException(notebook.Name, cell.Index,
                    $"#r \"nuget: {package.Name}\": the runner maps packages to its host's references, and the host does not reference {package.Name}.");
        foreach (var path in directives.AssemblyPaths)
        {
            if (HostAssemblies.Value.ContainsKey(Path.GetFileNameWithoutExtension(path))) continue;
            if (!File.Exists(path))
                throw new NotebookCellException(notebook.Name, cell.Index, $"#r \"{path}\": no such file (build the project it comes from first).");
            yield return MetadataReference.CreateFromFile(path);
        }
    }
}

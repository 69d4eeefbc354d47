using System.Text;
using ArtifactTools.Notebooks.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArtifactTools.Notebooks.Apps;

/// <summary>
/// Turns a notebook into a C# file-based app (<c>dotnet run name.cs</c>, .NET 10) that runs the notebook's code outside
/// the .NET Interactive kernel and writes the offline HTML report a kernel run gets (<see cref="NotebookApp"/>):
/// <list type="bullet">
/// <item><c>#r "…/src/P/bin/Release/net10.0/X.dll"</c> becomes <c>#:project …/src/P/P.csproj</c> (relative to the app);
/// <c>#r "nuget: N, V"</c> becomes <c>#:package N@V</c>; other kernel directives are refused (<see cref="CellDirectives"/>).</item>
/// <item>The cells' script code becomes one top-level program (Roslyn splits each cell): using directives move to the
/// top, type declarations to the end (C# requires both), statements stay in cell order; a cell's trailing expression
/// becomes <c>display(expr);</c>, as the kernel displays it.</item>
/// <item>Markdown cells become <c>NotebookApp.Markdown("""…""")</c>: readable in the code, and in the report.</item>
/// <item>The app starts in the notebook's folder, as Jupyter and VS Code start the kernel, so the notebook's own first
/// cell (the move to the repository root) does what it does in the kernel.</item>
/// </list>
/// Variables are shared across cells in both forms; unlike the kernel, a program cannot declare the same variable in
/// two cells (the notebook test compiles every export).
/// </summary>
public static class NotebookExporter
{
    // The C# kernel imports System, System.Text, System.Collections, System.Collections.Generic, System.Linq and
    // System.Threading.Tasks; a file-based app's implicit usings lack the first two of these.
    static readonly string[] KernelImports = ["using System.Text;", "using System.Collections;"];

    static readonly CSharpParseOptions Script = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Writes the app to <paramref name="outputPath"/> (atomically) and returns its full path.</summary>
    public static string Export(string notebookPath, string outputPath)
    {
        var notebook = ExecutedNotebook.Load(notebookPath);
        var notebookFolder = Path.GetDirectoryName(notebook.Path)!;
        var output = Path.GetFullPath(outputPath);
        var outputFolder = Path.GetDirectoryName(output)!;
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        var usings = new List<string>(KernelImports);
        var body = new StringBuilder();
        var types = new StringBuilder();

        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == "markdown") { body.AppendLine().Append("NotebookApp.Markdown(").Append(RawString(cell.Source)).AppendLine(");"); continue; }
            if (cell.Kind != "code") continue;
            var directives = CellDirectives.Parse(cell);
            packages.UnionWith(directives.Packages);
            foreach (var dll in directives.Assemblies) projects.Add(Relative(outputFolder, ProjectOf(dll, notebookFolder, cell)));

            var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(directives.Code, Script).GetRoot();
            usings.AddRange(unit.Usings.Select(u => u.WithoutTrivia().ToString()));
            var code = new StringBuilder();
            for (int i = 0; i < unit.Members.Count; i++)
            {
                var member = unit.Members[i];
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax)
                    types.AppendLine(member.ToFullString().Trim()).AppendLine();
                else if (i == unit.Members.Count - 1 && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
                    code.Append(last.GetLeadingTrivia().ToFullString()).AppendLine($"display({last.Expression.WithoutTrivia()});");
                else
                    code.Append(member.ToFullString());
            }
            code.Append(unit.EndOfFileToken.LeadingTrivia.ToFullString());
            body.AppendLine().AppendLine($"NotebookApp.Cell({cell.Index});").AppendLine(code.ToString().Trim('\r', '\n'));
        }

        var name = notebook.Name;
        var text = new StringBuilder()
            .AppendLine($"// {name}: the notebook {Relative(outputFolder, notebook.Path)} exported by notebooks/export.cs as a .NET file-based app.")
            .AppendLine("// It runs the notebook's cells in order without the .NET Interactive kernel and writes the report a kernel run gets")
            .AppendLine($"// ({name}.html beside this file: the markdown and what the cells display). Export again after changing the notebook.")
            .AppendLine($"// Run (in this folder; -c Release reuses the repository's Release build): dotnet run -c Release {Path.GetFileName(output)} [-- --budget tiny|small|paper]");
        foreach (var p in projects) text.AppendLine($"#:project {p}");
        foreach (var p in packages) text.AppendLine($"#:package {p}");
        // File-based apps publish with native AOT by default; TorchSharp needs the JIT. One runtime's native libraries
        // (libtorch, ImageMagick) are copied beside the app instead of every platform's.
        text.AppendLine("#:property PublishAot=false")
            .AppendLine("#:property RuntimeIdentifier=$(NETCoreSdkPortableRuntimeIdentifier)");
        foreach (var u in usings.Distinct(StringComparer.Ordinal)) text.AppendLine(u);
        text.AppendLine("using ArtifactTools.Notebooks.Apps;")
            .AppendLine("using static ArtifactTools.Notebooks.Apps.NotebookApp; // display(...), as in the kernel")
            .AppendLine()
            .AppendLine($"NotebookApp.Begin(notebookFolder: {SymbolDisplay.FormatLiteral(Relative(outputFolder, notebookFolder), quote: true)}, args);")
            .Append(body)
            .AppendLine()
            .AppendLine("NotebookApp.End();");
        if (types.Length > 0) text.AppendLine().Append(types);

        Directory.CreateDirectory(outputFolder);
        ArtifactTools.FileSystem.AtomicFile.WriteAllText(output, text.ToString());
        return output;
    }

    /// <summary>The project whose build output a <c>#r</c>'d DLL is. The path is relative to the kernel's working
    /// directory when the cell runs: the notebook's folder, or the repository root the first cell moves to.</summary>
    static string ProjectOf(string dll, string notebookFolder, NotebookCell cell)
    {
        for (var start = new DirectoryInfo(notebookFolder); start is not null; start = start.Parent)
            for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(start.FullName, dll)))!); dir?.Parent is not null; dir = dir.Parent)
                if (dir.Name == "bin" && dir.Parent.Exists && dir.Parent.EnumerateFiles("*.csproj").FirstOrDefault() is { } project)
                    return project.FullName;
        throw new NotSupportedException($"Cell {cell.Index}: #r \"{dll}\" is not the build output (bin/) of a project in or above {notebookFolder}; " +
                                        "a file-based app can reference projects and packages only.");
    }

    static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');

    /// <summary>A raw string literal holding <paramref name="text"/> exactly, indented by four spaces.</summary>
    static string RawString(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text) longest = Math.Max(longest, run = c == '"' ? run + 1 : 0);
        var quotes = new string('"', Math.Max(3, longest + 1));
        var lines = text.Replace("\r\n", "\n").TrimEnd().Split('\n').Select(l => string.IsNullOrWhiteSpace(l) ? "" : "    " + l);
        return $"{quotes}\n{string.Join('\n', lines)}\n    {quotes}";
    }
}

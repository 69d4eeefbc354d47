using System.Text;
using ArtifactTools.FileSystem;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArtifactTools.Notebooks.Execution;

/// <summary>
/// Turns a notebook into a C# file-based app (`dotnet run name.cs`, .NET 10), the kernel's recommended successor:
/// <list type="bullet">
/// <item><c>#r "…/src/P/bin/Release/net10.0/X.dll"</c> becomes <c>#:project …/src/P/P.csproj</c> (relative to the
/// output file); <c>#r "nuget: N, V"</c> becomes <c>#:package N@V</c>.</item>
/// <item>Script code becomes a top-level program: using directives move to the top, type declarations to the end
/// (C# requires both), statements stay in cell order; a cell's trailing expression becomes <c>display(expr);</c>.</item>
/// <item><c>display</c> is <see cref="NotebookHost.display"/>, which writes name.html beside the app.</item>
/// </list>
/// Markdown cells become comments, so the story travels with the code. Variables are shared across cells in both
/// forms, so a notebook must not declare the same variable in two cells (the notebook test compiles every export).
/// </summary>
public static class NotebookExporter
{
    public static string Export(NotebookDocument notebook, string outputPath)
    {
        var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        var usings = new List<string>(NotebookRunner.KernelImports.Select(n => $"using {n};"));
        var body = new StringBuilder();
        var types = new StringBuilder();

        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                body.AppendLine();
                foreach (var line in cell.Source.TrimEnd().Split('\n')) body.AppendLine(("// " + line.TrimEnd('\r')).TrimEnd());
                continue;
            }
            if (cell.Kind != CellKind.Code) continue;
            var directives = CellDirectives.Parse(cell, notebook.Directory);
            foreach (var p in directives.Packages) packages.Add(p.Version is null ? p.Name : $"{p.Name}@{p.Version}");
            foreach (var dll in directives.AssemblyPaths) projects.Add(ProjectOf(dll, outputDirectory, cell));

            var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(directives.Code,
                CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest)).GetRoot();
            usings.AddRange(unit.Usings.Select(u => u.ToString().Trim()));
            body.AppendLine().AppendLine($"// ---- cell {cell.Index} ----");
            var members = unit.Members;
            for (int i = 0; i < members.Count; i++)
            {
                var member = members[i];
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax)
                    types.AppendLine(member.ToFullString().Trim()).AppendLine();
                else if (i == members.Count - 1 && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
                    body.AppendLine($"display({last.Expression.ToString().Trim()});");
                else
                    body.AppendLine(member.ToFullString().Trim('\r', '\n'));
            }
        }

        var text = new StringBuilder()
            .AppendLine($"// {notebook.Name}: exported from {Path.GetFileName(notebook.Path)} by notebooks/export.cs; run: dotnet run {Path.GetFileName(outputPath)}")
            .AppendLine("// Displays (pictures, charts) are written to an HTML report beside the app, named after the notebook.");
        foreach (var p in projects) text.AppendLine($"#:project {p}");
        foreach (var p in packages) text.AppendLine($"#:package {p}");
        // File-based apps default to native AOT publishing; TorchSharp and Roslyn-free reflection code need the JIT.
        text.AppendLine("#:property PublishAot=false");
        foreach (var u in usings.Distinct()) text.AppendLine(u);
        text.AppendLine("using static ArtifactTools.Notebooks.NotebookHost;")
            .AppendLine()
            .AppendLine($"Begin(\"{notebook.Name}\");")
            .Append(body)
            .AppendLine()
            .AppendLine("End();");
        if (types.Length > 0) text.AppendLine().Append(types);

        var full = Path.GetFullPath(outputPath);
        AtomicFile.WriteAllText(full, text.ToString());
        return full;
    }

    /// <summary>bin output of a project in this repository -> that project, relative to the exported file.</summary>
    static string ProjectOf(string dll, string outputDirectory, NotebookCell cell)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(dll)!); dir is not null; dir = dir.Parent)
        {
            if (dir.Name != "bin" || dir.Parent is null) continue;
            var project = Directory.EnumerateFiles(dir.Parent.FullName, "*.csproj").FirstOrDefault();
            if (project is not null) return Path.GetRelativePath(outputDirectory, project).Replace('\\', '/');
        }
        throw new NotSupportedException($"Cell {cell.Index}: #r \"{dll}\" is not a project's build output; a file-based app can reference projects and packages only.");
    }
}

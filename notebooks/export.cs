// Turns a notebook into a C# file-based app that runs without the (retired) .NET Interactive kernel:
//   dotnet run notebooks/export.cs -- notebooks/01-jpeg-artifacts-and-metrics.ipynb [output.cs]
//   dotnet run notebooks/01-jpeg-artifacts-and-metrics.cs      # writes 01-jpeg-artifacts-and-metrics.html
// The output defaults to the notebook's name with .cs, beside it. See notebooks/README.md.
#:project ../src/ArtifactTools.Notebooks/ArtifactTools.Notebooks.csproj
#:property PublishAot=false
using ArtifactTools.Notebooks.Execution;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run notebooks/export.cs -- <notebook.ipynb> [output.cs]");
    return 2;
}
var notebook = NotebookDocument.Load(args[0]);
var output = args.Length == 2 ? args[1] : Path.ChangeExtension(notebook.Path, ".cs");
Console.WriteLine($"Wrote {NotebookExporter.Export(notebook, output)}; run it with: dotnet run {Path.GetRelativePath(Environment.CurrentDirectory, output)}");
return 0;

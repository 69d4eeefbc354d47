// Exports a notebook as a C# file-based app that runs its cells without the .NET Interactive kernel and writes the
// same offline HTML report as a kernel run (markdown, tables, pictures, charts, plotly.js inside), beside the app:
//   dotnet run notebooks/export.cs -- notebooks/01-jpeg-artifacts-and-metrics.ipynb [out.cs | folder/]
//   dotnet run -c Release notebooks/01-jpeg-artifacts-and-metrics.cs [-- --budget tiny|small|paper]
// The app goes beside the notebook unless an output file or folder is given. See notebooks/README.md.
#:project ../src/ArtifactTools.Notebooks/ArtifactTools.Notebooks.csproj
#:property PublishAot=false
#:property RuntimeIdentifier=$(NETCoreSdkPortableRuntimeIdentifier)
using ArtifactTools.Notebooks.Apps;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run notebooks/export.cs -- <notebook.ipynb> [output.cs | folder/]");
    return 2;
}
var output = args.Length == 1 ? Path.ChangeExtension(args[0], ".cs")
    : Directory.Exists(args[1]) || args[1].EndsWith('/') || args[1].EndsWith('\\') ? Path.Combine(args[1], Path.GetFileNameWithoutExtension(args[0]) + ".cs")
    : args[1];
var app = NotebookExporter.Export(args[0], output);
Console.WriteLine($"Wrote {app}\nRun it with: dotnet run -c Release {Path.GetRelativePath(Environment.CurrentDirectory, app)}");
return 0;

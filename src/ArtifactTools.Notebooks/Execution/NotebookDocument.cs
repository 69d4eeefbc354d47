using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks.Execution;

public enum CellKind { Code, Markdown, Raw }

/// <summary>One cell: its 0-based index in the file, kind, and source text.</summary>
public sealed record NotebookCell(int Index, CellKind Kind, string Source);

/// <summary>
/// A Jupyter notebook (nbformat 4) as written by the .NET Interactive C# kernel: code cells in C# (metadata
/// dotnet_interactive.language = "csharp" per cell, kernelspec .net-csharp). Only what running and exporting need.
/// </summary>
public sealed class NotebookDocument
{
    public required string Path { get; init; }
    public required IReadOnlyList<NotebookCell> Cells { get; init; }
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.Kind == CellKind.Code);

    public static NotebookDocument Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: not a JSON object.");
        if ((int?)root["nbformat"] != 4) throw new InvalidDataException($"{path}: only nbformat 4 is supported.");
        var kernelLanguage = (string?)root["metadata"]?["kernelspec"]?["language"];
        var cells = new List<NotebookCell>();
        foreach (var (cell, index) in (root["cells"] as JsonArray ?? []).Select((c, i) => (c!, i)))
        {
            var kind = (string?)cell["cell_type"] switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                _ => CellKind.Raw,
            };
            var language = (string?)cell["metadata"]?["dotnet_interactive"]?["language"]
                ?? (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "csharp";
            if (kind == CellKind.Code && language != "csharp")
                throw new NotSupportedException($"{path}: cell {index} is {language}; only C# cells can run without the .NET Interactive kernel.");
            cells.Add(new NotebookCell(index, kind, JoinSource(cell["source"])));
        }
        _ = kernelLanguage;
        return new NotebookDocument { Path = System.IO.Path.GetFullPath(path), Cells = cells };
    }

    // nbformat stores source either as one string or as a list of lines that keep their own "\n".
    static string JoinSource(JsonNode? source) => source switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue v => (string?)v ?? "",
        _ => "",
    };
}

using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks.Kernel;

/// <summary>A Jupyter notebook (nbformat 4) with the outputs the .NET Interactive kernel wrote into it: what a report
/// shows and what the notebook test checks.</summary>
public sealed class ExecutedNotebook
{
    public required string Path { get; init; }
    public required IReadOnlyList<NotebookCell> Cells { get; init; }
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public IEnumerable<CellOutput> Outputs => Cells.SelectMany(c => c.Outputs);

    public static ExecutedNotebook Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object.");
        if ((int?)root["nbformat"] != 4) throw new InvalidDataException($"{path}: only nbformat 4 is supported.");
        var cells = (root["cells"] as JsonArray ?? []).Select((cell, index) => new NotebookCell(
            index, (string?)cell!["cell_type"] ?? "raw", Text(cell["source"]),
            [.. (cell["outputs"] as JsonArray ?? []).Select(o => ReadOutput(o!.AsObject()))],
            (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"] ?? "csharp")).ToList();
        return new ExecutedNotebook { Path = System.IO.Path.GetFullPath(path), Cells = cells };
    }

    static CellOutput ReadOutput(JsonObject output)
    {
        var type = (string?)output["output_type"] ?? "";
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (type)
        {
            case "stream":
                data["text/plain"] = Text(output["text"]);
                break;
            case "error":
                data["text/plain"] = $"{(string?)output["ename"]}: {(string?)output["evalue"]}\n{Text(output["traceback"])}".TrimEnd();
                break;
            default:
                foreach (var (mime, value) in output["data"] as JsonObject ?? []) data[mime] = Text(value);
                break;
        }
        return new CellOutput(type, data);
    }

    // nbformat stores text either as one string or as a list of lines that keep their own "\n".
    static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue v => (string?)v ?? "",
        _ => "",
    };
}

using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks.Kernel;

/// <summary>One cell of a notebook: its 0-based index in the file, kind ("code", "markdown", "raw"), source, outputs,
/// and for a code cell the kernel language it runs in (Polyglot Notebooks' cell metadata; "csharp" when unset).</summary>
public sealed record NotebookCell(int Index, string Kind, string Source, IReadOnlyList<CellOutput> Outputs, string Language = "csharp");

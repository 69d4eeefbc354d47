using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks.Kernel;

public sealed record NotebookCell(int Index, string Kind, string Source, IReadOnlyList<CellOutput> Outputs);

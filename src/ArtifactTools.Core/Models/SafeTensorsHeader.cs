namespace ArtifactTools.Models;

/// <summary>A parsed and validated safetensors header.</summary>
internal sealed record SafeTensorsHeader(IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<SafeTensorEntry> Tensors, long DataStart);

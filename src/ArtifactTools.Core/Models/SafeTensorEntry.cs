namespace ArtifactTools.Models;

/// <summary>One tensor's entry in a safetensors header: shape and byte range relative to the start of the data.</summary>
internal sealed record SafeTensorEntry(string Name, long[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
}

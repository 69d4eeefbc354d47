using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>Where restored files go: a folder (null: beside each input), a source root whose folder structure is
/// mirrored under it (null: mirrored from the inputs' common folder when they span several), a suffix for the base
/// name, the output format, and whether our own earlier outputs are restored again.</summary>
public sealed record OutputLayout(string? OutputDirectory, string? SourceRoot, string Suffix, ImageFileFormat Format, bool Force);

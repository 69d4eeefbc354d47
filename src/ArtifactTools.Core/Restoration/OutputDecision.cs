using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>What to do with one input: write <see cref="Target"/>, skip it (<see cref="Reason"/> says why), or fail with
/// error <see cref="ErrorId"/>.</summary>
public sealed record OutputDecision(OutputAction Action, string Target, ImageFileFormat Format, string? Reason = null, string? ErrorId = null);

namespace ArtifactTools.Runtime;

/// <summary>What one probe found for one instruction-set cap ("" = uncapped): exact (true), wrong (false), or no
/// verdict (null: the probe could not run), with the probe's own lines.</summary>
public sealed record IsaProbe(string Isa, bool? Exact, string Detail);

namespace ArtifactTools.Restoration;

/// <summary>One measured candidate: a precision and tile side (interior, without margins) and the output pixels per
/// second the network gave on tiles of that size.</summary>
public sealed record TileCandidate(InferencePrecision Precision, int TileSize, double MegapixelsPerSecond);

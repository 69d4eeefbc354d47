namespace ArtifactTools.Imaging;

public sealed record JpegQualityEstimate(int Quality, bool ExactIjgTables);

namespace ArtifactTools.Imaging;

/// <summary>What Get-JpegQuality reports for one file; Quality is null for a file that is not a JPEG.</summary>
public sealed record JpegQualityInfo(string Path, int? Quality, bool ExactIjgTables);

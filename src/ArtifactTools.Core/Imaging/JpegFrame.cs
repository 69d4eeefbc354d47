namespace ArtifactTools.Imaging;

/// <summary>A JPEG frame (SOF): <paramref name="Process"/> is the SOF number (0 baseline, 1 extended, 2 progressive, ...).</summary>
public sealed record JpegFrame(int Process, bool Lossless, int Precision, int Height, int Width, IReadOnlyList<JpegComponent> Components);

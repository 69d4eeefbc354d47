namespace ArtifactTools.Imaging;

/// <summary>One component of a frame: its id, sampling factors and quantization table id.</summary>
public sealed record JpegComponent(int Id, int HorizontalSampling, int VerticalSampling, int TableId);

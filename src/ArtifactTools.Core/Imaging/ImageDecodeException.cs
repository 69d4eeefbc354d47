namespace ArtifactTools.Imaging;

/// <summary>A file that is missing image data, truncated, or in a format that cannot be decoded.</summary>
public sealed class ImageDecodeException(string path, string reason, Exception? inner = null)
    : Exception($"Cannot read image '{path}': {reason}", inner)
{
    public string ImagePath { get; } = path;
}

namespace ArtifactTools.Imaging;

/// <summary>
/// Recognises the supported formats by their first bytes. The decoder is told the format explicitly, so ImageMagick
/// never guesses (it would otherwise accept scripts and text formats such as MSL, SVG or "text:" with side effects).
/// </summary>
public static class ImageSignature
{
    /// <summary>The format of encoded bytes, or null when they start like none of the supported formats.</summary>
    public static ImageFileFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFileFormat.Jpeg;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFileFormat.Png;
        if (bytes.StartsWith("BM"u8) && bytes.Length >= 14) return ImageFileFormat.Bmp;
        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)) return ImageFileFormat.Tiff;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return ImageFileFormat.WebP;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' ', 0x0D, 0x0A, 0x87, 0x0A])) return ImageFileFormat.Jpeg2000;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51])) return ImageFileFormat.Jpeg2000; // raw J2K codestream
        return null;
    }
}

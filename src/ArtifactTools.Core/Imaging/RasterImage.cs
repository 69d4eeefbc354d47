namespace ArtifactTools.Imaging;

/// <summary>
/// A decoded image as planes on the 0..255 scale (16-bit sources keep fractional values: 65535 maps to 255).
/// Carries what a restore must write back: alpha, bit depth, EXIF and ICC profile.
/// </summary>
public sealed class RasterImage
{
    public required ColorModel ColorModel { get; init; }
    /// <summary>Gray: [Y]; Rgb: [R, G, B].</summary>
    public required Plane[] Channels { get; init; }
    public Plane? Alpha { get; init; }
    public int BitDepth { get; init; } = 8;
    public byte[]? Exif { get; init; }
    public byte[]? IccProfile { get; init; }
    /// <summary>The container format read from ("JPEG", "PNG", ...); null for images made in memory.</summary>
    public string? SourceFormat { get; init; }

    public int Width => Channels[0].Width;
    public int Height => Channels[0].Height;

    public static RasterImage Gray(Plane y) => new() { ColorModel = ColorModel.Gray, Channels = [y] };
    public static RasterImage Rgb(Plane r, Plane g, Plane b) => new() { ColorModel = ColorModel.Rgb, Channels = [r, g, b] };
}

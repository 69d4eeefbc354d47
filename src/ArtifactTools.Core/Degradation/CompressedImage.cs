using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

/// <summary>A degradation's encoded file: the bytes exactly as a codec wrote them (written to disk unchanged, so a
/// JPEG's quantization tables survive), the clean reference they should be compared with, and what was applied.</summary>
public sealed record CompressedImage(RasterImage Reference, byte[] Bytes, ImageFileFormat Format, string AppliedSpec, int? Quality)
{
    /// <summary>Compressed size in bits per pixel of the reference.</summary>
    public double BitsPerPixel => Bytes.Length * 8.0 / ((double)Reference.Width * Reference.Height);

    /// <summary>Decodes the bytes; a gray reference gives a gray image even where the codec stores colour (WebP).</summary>
    public RasterImage Decode()
    {
        var decoded = ImageCodec.Decode(Bytes, AppliedSpec);
        if (Reference.ColorModel == ColorModel.Gray && decoded.ColorModel == ColorModel.Rgb)
            decoded = RasterImage.Gray(MeanOfChannels(decoded));
        return decoded;
    }

    static Plane MeanOfChannels(RasterImage rgb)
    {
        var (r, g, b) = (rgb.Channels[0].Data, rgb.Channels[1].Data, rgb.Channels[2].Data);
        var y = new float[r.Length];
        for (int i = 0; i < y.Length; i++) y[i] = MathF.Round((r[i] + g[i] + b[i]) / 3f, MidpointRounding.AwayFromZero);
        return new Plane(rgb.Width, rgb.Height, y);
    }
}

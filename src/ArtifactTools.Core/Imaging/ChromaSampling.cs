namespace ArtifactTools.Imaging;

/// <summary>
/// How a JPEG stores chroma relative to luma: the luma component's sampling factors over the chroma components'
/// (libjpeg's default 2x2 luma over 1x1 chroma is 4:2:0, chroma at half width and half height). Read from the file's
/// frame header (SOF), so a restore knows what the decoder had to upsample.
/// </summary>
public readonly record struct ChromaSampling(int Horizontal, int Vertical)
{
    public static ChromaSampling Yuv420 { get; } = new(2, 2);
    public static ChromaSampling Yuv422 { get; } = new(2, 1);
    public static ChromaSampling Yuv444 { get; } = new(1, 1);

    /// <summary>"4:2:0", "4:2:2", "4:4:4", "4:4:0", "4:1:1", else "HxV".</summary>
    public override string ToString() => (Horizontal, Vertical) switch
    {
        (1, 1) => "4:4:4",
        (2, 1) => "4:2:2",
        (2, 2) => "4:2:0",
        (1, 2) => "4:4:0",
        (4, 1) => "4:1:1",
        _ => $"{Horizontal}x{Vertical}",
    };

    /// <summary>ImageMagick's sampling-factor define for a YCbCr JPEG with this sampling.</summary>
    public string MagickSamplingFactor => $"{Horizontal}x{Vertical},1x1,1x1";

    /// <summary>Parses "4:2:0", "420", "4:2:2", "4:4:4" (and "HxV").</summary>
    /// <exception cref="FormatException">Not a sampling.</exception>
    public static ChromaSampling Parse(string text)
    {
        var t = (text ?? "").Trim().Replace(":", "");
        return t switch
        {
            "444" => Yuv444,
            "422" => Yuv422,
            "420" => Yuv420,
            "440" => new(1, 2),
            "411" => new(4, 1),
            _ when t.Split('x') is [var h, var v] && int.TryParse(h, out var hh) && int.TryParse(v, out var vv) && hh is >= 1 and <= 4 && vv is >= 1 and <= 4 => new(hh, vv),
            _ => throw new FormatException($"'{text}' is not a chroma sampling; use 4:2:0, 4:2:2 or 4:4:4."),
        };
    }

    /// <summary>The sampling of a JPEG's colour frame; null for gray (one component), non-YCbCr (CMYK, four
    /// components) or data that is not a JPEG with a frame header.</summary>
    public static ChromaSampling? ReadFromJpeg(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        int pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF) return null;
            byte marker = jpeg[pos + 1];
            if (marker == 0xFF) { pos++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { pos += 2; continue; }
            if (marker is 0xDA or 0xD9) return null; // a scan before any frame header
            int length = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
            if (length < 2 || pos + 2 + length > jpeg.Length) return null;
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
                return FromFrame(jpeg.Slice(pos + 4, length - 2));
            pos += 2 + length;
        }
        return null;
    }

    /// <summary>The sampling of a JPEG file (reads its header); null where <see cref="ReadFromJpeg"/> gives null.</summary>
    public static ChromaSampling? ReadFromFile(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(stream.Length, 256 * 1024)]; // the frame header follows any EXIF thumbnail
        stream.ReadExactly(head);
        return ReadFromJpeg(head);
    }

    static ChromaSampling? FromFrame(ReadOnlySpan<byte> frame)
    {
        // precision(1) height(2) width(2) components(1), then per component: id(1) HV(1) table(1)
        if (frame.Length < 6) return null;
        int components = frame[5];
        if (components != 3 || frame.Length < 6 + 3 * components) return null;
        int lumaH = frame[7] >> 4, lumaV = frame[7] & 0x0F;
        int cbH = frame[10] >> 4, cbV = frame[10] & 0x0F, crH = frame[13] >> 4, crV = frame[13] & 0x0F;
        if (cbH == 0 || cbV == 0 || cbH != crH || cbV != crV || lumaH % cbH != 0 || lumaV % cbV != 0) return null;
        return new ChromaSampling(lumaH / cbH, lumaV / cbV);
    }
}

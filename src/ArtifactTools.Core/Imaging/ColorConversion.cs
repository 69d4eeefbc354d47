namespace ArtifactTools.Imaging;

/// <summary>
/// BT.601 studio-range YCbCr exactly as MATLAB's rgb2ycbcr / ycbcr2rgb define it, on the 0..255 scale. The papers
/// measure and train on this Y; OpenCV's or JFIF's full-range Y would move results by almost a dB.
/// </summary>
public static class ColorConversion
{
    // MATLAB's matrix for R, G, B in 0..1 giving Y in 16..235 and Cb, Cr in 16..240; on 0..255 inputs it is divided by 255.
    static readonly double[,] Forward =
    {
        { 65.481, 128.553, 24.966 },
        { -37.797, -74.203, 112.0 },
        { 112.0, -93.786, -18.214 },
    };
    static readonly double[] Offset = [16, 128, 128];
    static readonly double[,] Inverse = Invert(Forward);

    /// <summary>MATLAB rgb2ycbcr of one pixel (R, G, B in 0..255), unrounded.</summary>
    public static (double Y, double Cb, double Cr) RgbToYCbCr(double r, double g, double b) => (
        Offset[0] + (Forward[0, 0] * r + Forward[0, 1] * g + Forward[0, 2] * b) / 255.0,
        Offset[1] + (Forward[1, 0] * r + Forward[1, 1] * g + Forward[1, 2] * b) / 255.0,
        Offset[2] + (Forward[2, 0] * r + Forward[2, 1] * g + Forward[2, 2] * b) / 255.0);

    static readonly float[] UnitForward = Enumerable.Range(0, 9).Select(i => (float)(Forward[i / 3, i % 3] / (255.0 * 255.0))).ToArray();

    /// <summary>MATLAB rgb2ycbcr of one pixel (R, G, B in 0..255) divided by 255: the Y, Cb, Cr planes the colour
    /// networks see (0..1), in single precision for batches of patches.</summary>
    public static (float Y, float Cb, float Cr) RgbToYCbCrUnit(float r, float g, float b)
    {
        var k = UnitForward;
        return (16f / 255f + k[0] * r + k[1] * g + k[2] * b,
                128f / 255f + k[3] * r + k[4] * g + k[5] * b,
                128f / 255f + k[6] * r + k[7] * g + k[8] * b);
    }

    /// <summary>MATLAB ycbcr2rgb of one pixel (0..255 scale), unrounded and unclamped.</summary>
    public static (double R, double G, double B) YCbCrToRgb(double y, double cb, double cr)
    {
        double dy = y - Offset[0], dcb = cb - Offset[1], dcr = cr - Offset[2];
        return (
            255.0 * (Inverse[0, 0] * dy + Inverse[0, 1] * dcb + Inverse[0, 2] * dcr),
            255.0 * (Inverse[1, 0] * dy + Inverse[1, 1] * dcb + Inverse[1, 2] * dcr),
            255.0 * (Inverse[2, 0] * dy + Inverse[2, 1] * dcb + Inverse[2, 2] * dcr));
    }

    /// <summary>The luma the papers use: a gray image's own channel; for RGB, MATLAB's Y, by default rounded to 8 bits
    /// as MATLAB's uint8 rgb2ycbcr returns it (the calibrated setting).</summary>
    public static Plane Luma(RasterImage image, bool roundTo8Bit = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.ColorModel == ColorModel.Gray) return image.Channels[0].Clone();
        var (r, g, b) = (image.Channels[0].Data, image.Channels[1].Data, image.Channels[2].Data);
        var y = new float[r.Length];
        double k0 = Forward[0, 0] / 255.0, k1 = Forward[0, 1] / 255.0, k2 = Forward[0, 2] / 255.0;
        for (int i = 0; i < y.Length; i++)
        {
            double v = Offset[0] + k0 * r[i] + k1 * g[i] + k2 * b[i];
            y[i] = (float)(roundTo8Bit ? RoundToByte(v) : v);
        }
        return new Plane(image.Width, image.Height, y);
    }

    /// <summary>Y, Cb, Cr planes (unrounded) of an RGB image; a gray image gives its channel and neutral chroma (128).</summary>
    public static (Plane Y, Plane Cb, Plane Cr) ToYCbCr(RasterImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int w = image.Width, h = image.Height;
        if (image.ColorModel == ColorModel.Gray)
        {
            var neutral = new float[w * h];
            Array.Fill(neutral, 128f);
            return (image.Channels[0].Clone(), new Plane(w, h, neutral), new Plane(w, h, (float[])neutral.Clone()));
        }
        var (r, g, b) = (image.Channels[0].Data, image.Channels[1].Data, image.Channels[2].Data);
        var (y, cb, cr) = (new Plane(w, h), new Plane(w, h), new Plane(w, h));
        for (int i = 0; i < r.Length; i++)
        {
            var (vy, vcb, vcr) = RgbToYCbCr(r[i], g[i], b[i]);
            y.Data[i] = (float)vy; cb.Data[i] = (float)vcb; cr.Data[i] = (float)vcr;
        }
        return (y, cb, cr);
    }

    /// <summary>An RGB image from Y, Cb, Cr planes (MATLAB ycbcr2rgb), clamped to 0..255; <paramref name="template"/>
    /// lends alpha, bit depth, EXIF, ICC and source format (a restored image keeps what its input carried).</summary>
    public static RasterImage FromYCbCr(Plane y, Plane cb, Plane cr, RasterImage? template = null)
    {
        if (!y.SameSizeAs(cb) || !y.SameSizeAs(cr))
            throw new ArgumentException($"Y is {y.Width}x{y.Height} but Cb is {cb.Width}x{cb.Height} and Cr {cr.Width}x{cr.Height}.");
        var (r, g, b) = (new Plane(y.Width, y.Height), new Plane(y.Width, y.Height), new Plane(y.Width, y.Height));
        for (int i = 0; i < y.Data.Length; i++)
        {
            var (vr, vg, vb) = YCbCrToRgb(y.Data[i], cb.Data[i], cr.Data[i]);
            r.Data[i] = Clamp(vr); g.Data[i] = Clamp(vg); b.Data[i] = Clamp(vb);
        }
        return new RasterImage
        {
            ColorModel = ColorModel.Rgb,
            Channels = [r, g, b],
            Alpha = template?.Alpha,
            BitDepth = template?.BitDepth ?? 8,
            Exif = template?.Exif,
            IccProfile = template?.IccProfile,
            SourceFormat = template?.SourceFormat,
        };
    }

    /// <summary>MATLAB's conversion to uint8: round half away from zero, saturate.</summary>
    public static double RoundToByte(double v) => Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 0, 255);

    static float Clamp(double v) => (float)Math.Clamp(v, 0, 255);

    static double[,] Invert(double[,] m)
    {
        double a = m[0, 0], b = m[0, 1], c = m[0, 2], d = m[1, 0], e = m[1, 1], f = m[1, 2], g = m[2, 0], h = m[2, 1], k = m[2, 2];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        return new[,]
        {
            { (e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det },
            { (f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det },
            { (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det },
        };
    }
}

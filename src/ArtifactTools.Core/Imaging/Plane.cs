namespace ArtifactTools.Imaging;

/// <summary>
/// One channel of an image as row-major floats on the 0..255 scale (the papers' scale for PSNR). Y, Cb, Cr, R, G, B
/// and alpha are all planes; the metrics, degradations and the tensor boundary all speak in planes.
/// </summary>
public sealed class Plane
{
    public int Width { get; }
    public int Height { get; }
    public float[] Data { get; }

    public Plane(int width, int height, float[]? data = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Data = data ?? new float[checked(width * height)];
        if (Data.Length != width * height)
            throw new ArgumentException($"Plane data has {Data.Length} values; {width}x{height} needs {width * height}.");
        Width = width;
        Height = height;
    }

    public float this[int x, int y]
    {
        get => Data[y * Width + x];
        set => Data[y * Width + x] = value;
    }

    public Plane Clone() => new(Width, Height, (float[])Data.Clone());

    /// <summary>Rounds to integers and clamps to 0..255, as an 8-bit image file would hold the values.</summary>
    public Plane Quantized()
    {
        var q = new float[Data.Length];
        for (int i = 0; i < q.Length; i++) q[i] = MathF.Round(Math.Clamp(Data[i], 0f, 255f));
        return new Plane(Width, Height, q);
    }

    public bool SameSizeAs(Plane other) => Width == other.Width && Height == other.Height;
}

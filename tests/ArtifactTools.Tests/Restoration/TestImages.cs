using ArtifactTools.Imaging;

namespace ArtifactTools.Tests.Restoration;

/// <summary>Small synthetic images with edges, gradients and texture (what a deblocking network reacts to).</summary>
public static class TestImages
{
    public static Plane Pattern(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var plane = new Plane(width, height);
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            double v = 128 + 60 * Math.Sin(x * 0.21 + seed) * Math.Cos(y * 0.13) + (((x / 8) + (y / 8)) % 2 == 0 ? 30 : -30);
            plane[x, y] = (float)Math.Clamp(Math.Round(v + random.Next(-12, 13)), 0, 255);
        }
        return plane;
    }

    public static RasterImage Gray(int width, int height, int seed = 1) => RasterImage.Gray(Pattern(width, height, seed));

    public static RasterImage Rgb(int width, int height, int seed = 1) =>
        RasterImage.Rgb(Pattern(width, height, seed), Pattern(width, height, seed + 1), Pattern(width, height, seed + 2));

    public static float MaxAbsDifference(Plane a, Plane b)
    {
        float max = 0;
        for (int i = 0; i < a.Data.Length; i++) max = Math.Max(max, Math.Abs(a.Data[i] - b.Data[i]));
        return max;
    }
}

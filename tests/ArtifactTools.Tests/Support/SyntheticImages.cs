using ArtifactTools.Imaging;

namespace ArtifactTools.Tests.Support;

/// <summary>
/// Natural-looking grayscale test images made from a seed: smooth shading, hard-edged shapes and fine texture, so JPEG
/// produces real blocking and ringing that a network can learn to remove. No dataset needed.
/// </summary>
public static class SyntheticImages
{
    public static Plane Create(int width, int height, int seed)
    {
        var random = new Random(seed);
        var plane = new Plane(width, height);
        double gx = random.NextDouble() * 2 - 1, gy = random.NextDouble() * 2 - 1, baseLevel = 60 + random.NextDouble() * 80;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                plane[x, y] = (float)(baseLevel + 40 * (gx * x / width + gy * y / height));
        for (int s = 0; s < 6; s++)
        {
            int cx = random.Next(width), cy = random.Next(height), r = 4 + random.Next(Math.Max(5, width / 4));
            float level = (float)(random.NextDouble() * 255);
            bool disc = random.Next(2) == 0;
            for (int y = Math.Max(0, cy - r); y < Math.Min(height, cy + r); y++)
                for (int x = Math.Max(0, cx - r); x < Math.Min(width, cx + r); x++)
                    if (!disc || (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r) plane[x, y] = level;
        }
        double fx = 0.2 + random.NextDouble() * 0.6, fy = 0.2 + random.NextDouble() * 0.6;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                plane[x, y] = Math.Clamp(plane[x, y] + (float)(10 * Math.Sin(fx * x) * Math.Cos(fy * y)), 0f, 255f);
        return plane.Quantized();
    }

    /// <summary>Writes <paramref name="count"/> lossless PNGs into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteSet(string directory, int count, int width, int height, int seed)
    {
        Directory.CreateDirectory(directory);
        return Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(directory, $"synthetic{i:00}.png");
            ImageCodec.Write(RasterImage.Gray(Create(width, height, seed + i)), path, ImageEncoding.Png);
            return path;
        }).ToList();
    }
}

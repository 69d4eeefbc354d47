using ArtifactTools.Imaging;
using ImageMagick;

namespace ArtifactTools.Training;

/// <summary>Geometric augmentation of single planes: bicubic rescaling (as MATLAB's imresize in the papers) and
/// exact 90-degree rotations.</summary>
public static class PlaneResampling
{
    public static Plane Resize(Plane plane, double scale)
    {
        int width = Math.Max(1, (int)Math.Round(plane.Width * scale)), height = Math.Max(1, (int)Math.Round(plane.Height * scale));
        var settings = new PixelReadSettings((uint)plane.Width, (uint)plane.Height, StorageType.Float, PixelMapping.RGB);
        var rgb = new float[plane.Data.Length * 3];
        for (int i = 0; i < plane.Data.Length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = plane.Data[i] / 255f;
        using var image = new MagickImage();
        image.ReadPixels(rgb, settings);
        image.FilterType = FilterType.Catrom; // Keys cubic (a = -0.5), MATLAB's bicubic kernel
        image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
        using var pixels = image.GetPixelsUnsafe();
        var values = pixels.ToByteArray(PixelMapping.RGB)!;
        var data = new float[width * height];
        for (int i = 0; i < data.Length; i++) data[i] = values[3 * i];
        return new Plane(width, height, data);
    }

    /// <summary>Rotates by <paramref name="quarterTurns"/> x 90 degrees clockwise.</summary>
    public static Plane Rotate90(Plane plane, int quarterTurns)
    {
        quarterTurns = ((quarterTurns % 4) + 4) % 4;
        if (quarterTurns == 0) return plane;
        int w = plane.Width, h = plane.Height;
        bool swap = quarterTurns % 2 == 1;
        var result = new Plane(swap ? h : w, swap ? w : h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var (nx, ny) = quarterTurns switch
                {
                    1 => (h - 1 - y, x),
                    2 => (w - 1 - x, h - 1 - y),
                    _ => (y, w - 1 - x),
                };
                result[nx, ny] = plane[x, y];
            }
        return result;
    }
}

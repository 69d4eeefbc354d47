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
        using var image = MagickBridge.ToMagick(RasterImage.Gray(plane.Quantized()));
        image.FilterType = FilterType.Catrom; // Keys cubic (a = -0.5), MATLAB's bicubic kernel
        image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
        var resized = MagickBridge.ToRaster(image, ImageFileFormat.Png);
        return ColorConversion.Luma(resized);
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

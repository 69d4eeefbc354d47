using ArtifactTools.Imaging;

namespace ArtifactTools.Benchmarks;

/// <summary>
/// Test images of any size for speed and memory benchmarks: a photo mirrored (not scaled) out to the size, so the
/// content keeps a photo's statistics at every size and no resampling filter is involved.
/// </summary>
public static class BenchmarkImages
{
    /// <summary>Writes <paramref name="source"/>, mirror-tiled to <paramref name="width"/> x <paramref name="height"/>,
    /// as a lossless file (format from the extension); gray (its MATLAB luma) unless <paramref name="color"/>.</summary>
    public static FileInfo Write(string source, int width, int height, string path, bool color = false)
    {
        var photo = ImageCodec.Read(source);
        var planes = color && photo.ColorModel == ColorModel.Rgb ? photo.Channels : [ColorConversion.Luma(photo)];
        var tiled = planes.Select(p => Mirror(p, width, height)).ToArray();
        var image = tiled.Length == 1 ? RasterImage.Gray(tiled[0]) : RasterImage.Rgb(tiled[0], tiled[1], tiled[2]);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        ImageCodec.Write(image, path, ImageEncoding.FromExtension(path));
        return new FileInfo(path);
    }

    /// <summary>The plane reflected at its edges (abc|cba|abc...) until it is <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Plane Mirror(Plane plane, int width, int height)
    {
        var result = new Plane(width, height);
        for (int y = 0; y < height; y++)
        {
            var source = plane.Data.AsSpan(Reflect(y, plane.Height) * plane.Width, plane.Width);
            var target = result.Data.AsSpan(y * width, width);
            for (int x = 0; x < width; x++) target[x] = source[Reflect(x, plane.Width)];
        }
        return result;
    }

    static int Reflect(int i, int n)
    {
        int m = i % (2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }
}

using System.Net;
using ArtifactTools.Imaging;
using ArtifactTools.Networks;
using ImageMagick;
using TorchSharp;

namespace ArtifactTools.Notebooks;

/// <summary>A rectangle of an image, e.g. where blocking or ringing is worst.</summary>
public readonly record struct CropRegion(int X, int Y, int Width, int Height)
{
    /// <summary>The <paramref name="size"/> x <paramref name="size"/> window (on the 8x8 JPEG grid) where
    /// <paramref name="degraded"/> differs most from <paramref name="reference"/>: the crop that shows artifacts.</summary>
    public static CropRegion WorstError(Plane reference, Plane degraded, int size = 48)
    {
        if (!reference.SameSizeAs(degraded)) throw new ArgumentException("Planes differ in size.");
        size = Math.Min(size, Math.Min(reference.Width, reference.Height));
        var best = (Error: -1.0, X: 0, Y: 0);
        for (int y = 0; y + size <= reference.Height; y += 8)
            for (int x = 0; x + size <= reference.Width; x += 8)
            {
                double error = 0;
                for (int yy = y; yy < y + size; yy++)
                {
                    int row = yy * reference.Width;
                    for (int xx = x; xx < x + size; xx++)
                    {
                        double d = reference.Data[row + xx] - degraded.Data[row + xx];
                        error += d * d;
                    }
                }
                if (error > best.Error) best = (error, x, y);
            }
        return new CropRegion(best.X, best.Y, size, size);
    }

    public Plane Of(Plane plane)
    {
        int w = Math.Min(Width, plane.Width - X), h = Math.Min(Height, plane.Height - Y);
        var crop = new Plane(w, h);
        for (int y = 0; y < h; y++)
            Array.Copy(plane.Data, (Y + y) * plane.Width + X, crop.Data, y * w, w);
        return crop;
    }

    public RasterImage Of(RasterImage image) => image.ColorModel == ColorModel.Gray
        ? RasterImage.Gray(Of(image.Channels[0]))
        : RasterImage.Rgb(Of(image.Channels[0]), Of(image.Channels[1]), Of(image.Channels[2]));
}

/// <summary>
/// Images for the notebooks: planes and images as PNG (inline data URIs, so a report is one self-contained file),
/// labelled crops side by side (enlarged without smoothing, so blocking stays visible), and first-layer filters as a
/// grid normalised per filter (paper 002 Fig. 6, paper 000 Fig. 5).
/// </summary>
public static class Pictures
{
    public static byte[] Png(Plane gray, int zoom = 1) => Encode(gray.Width, gray.Height, [gray, gray, gray], zoom);

    public static byte[] Png(RasterImage image, int zoom = 1) => image.ColorModel == ColorModel.Gray
        ? Png(image.Channels[0], zoom)
        : Encode(image.Width, image.Height, image.Channels, zoom);

    public static HtmlView Image(Plane gray, string? caption = null, int zoom = 1) => Figure(Png(gray, zoom), caption);
    public static HtmlView Image(RasterImage image, string? caption = null, int zoom = 1) => Figure(Png(image, zoom), caption);

    /// <summary>Whole images next to each other with their labels (e.g. "JPEG q10", "AR-CNN").</summary>
    public static HtmlView SideBySide(params IEnumerable<(string Label, Plane Image)> panels) =>
        Row(panels.Select(p => Figure(Png(p.Image), p.Label)));

    public static HtmlView SideBySide(params IEnumerable<(string Label, RasterImage Image)> panels) =>
        Row(panels.Select(p => Figure(Png(p.Image), p.Label)));

    /// <summary>The same region of several images, enlarged <paramref name="zoom"/> times, side by side.</summary>
    public static HtmlView Crops(CropRegion region, int zoom, params IEnumerable<(string Label, Plane Image)> panels) =>
        Row(panels.Select(p => Figure(Png(region.Of(p.Image), zoom), p.Label)));

    public static HtmlView Crops(CropRegion region, int zoom, params IEnumerable<(string Label, RasterImage Image)> panels) =>
        Row(panels.Select(p => Figure(Png(region.Of(p.Image), zoom), p.Label)));

    /// <summary>The filters of one weighted layer (the first by default) as a grid, each stretched to its own
    /// min..max so that shapes, not magnitudes, show.</summary>
    public static HtmlView Filters(RestorationNetwork network, int layer = 0, int zoom = 6, string? caption = null) =>
        Filters(network.Layers[layer].Weight, zoom, caption ?? $"{network.Layers[layer].Name} of {network.Spec}");

    /// <summary>Filters of a weight tensor out x in x k x k (the first input channel of each is drawn).</summary>
    public static HtmlView Filters(torch.Tensor weight, int zoom = 6, string? caption = null)
    {
        if (weight.dim() != 4) throw new ArgumentException($"Expected a 4-D convolution weight, got {weight.dim()}-D.");
        using var first = weight.detach().cpu().select(1, 0).to_type(torch.ScalarType.Float32).contiguous();
        var values = first.data<float>().ToArray();
        return Figure(Png(FilterGrid(values, (int)weight.shape[0], (int)weight.shape[2], (int)weight.shape[3]), zoom), caption);
    }

    /// <summary>Lays out <paramref name="count"/> filters of <paramref name="kh"/> x <paramref name="kw"/> values in a
    /// near-square grid with 1-pixel mid-grey gaps; each filter is normalised to 0..255 on its own.</summary>
    public static Plane FilterGrid(float[] values, int count, int kh, int kw)
    {
        int columns = (int)Math.Ceiling(Math.Sqrt(count)), rows = (count + columns - 1) / columns;
        var grid = new Plane(columns * (kw + 1) + 1, rows * (kh + 1) + 1);
        Array.Fill(grid.Data, 128f);
        for (int f = 0; f < count; f++)
        {
            var filter = values.AsSpan(f * kh * kw, kh * kw);
            float min = float.MaxValue, max = float.MinValue;
            foreach (var v in filter) { min = Math.Min(min, v); max = Math.Max(max, v); }
            float scale = max > min ? 255f / (max - min) : 0f;
            int ox = 1 + (f % columns) * (kw + 1), oy = 1 + (f / columns) * (kh + 1);
            for (int y = 0; y < kh; y++)
                for (int x = 0; x < kw; x++)
                    grid[ox + x, oy + y] = scale == 0 ? 128f : (filter[y * kw + x] - min) * scale;
        }
        return grid;
    }

    static byte[] Encode(int width, int height, IReadOnlyList<Plane> rgb, int zoom)
    {
        var pixels = new byte[width * height * 3];
        for (int c = 0; c < 3; c++)
        {
            var data = rgb[c].Data;
            for (int i = 0; i < data.Length; i++) pixels[i * 3 + c] = (byte)Math.Clamp(MathF.Round(data[i]), 0f, 255f);
        }
        using var image = new MagickImage(pixels, new PixelReadSettings((uint)width, (uint)height, StorageType.Char, PixelMapping.RGB));
        // Nearest-neighbour enlargement: the 8x8 blocks must stay crisp, not be smoothed by the viewer's resampling.
        if (zoom > 1) image.Sample((uint)(width * zoom), (uint)(height * zoom));
        return image.ToByteArray(MagickFormat.Png);
    }

    static HtmlView Figure(byte[] png, string? caption) => new(
        "<figure style=\"display:inline-block;margin:4px;text-align:center\">" +
        $"<img style=\"image-rendering:pixelated\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/>" +
        (caption is null ? "" : $"<figcaption>{WebUtility.HtmlEncode(caption)}</figcaption>") + "</figure>");

    static HtmlView Row(IEnumerable<HtmlView> figures) =>
        new("<div style=\"display:flex;flex-wrap:wrap;align-items:flex-end\">" + string.Concat(figures.Select(f => f.ToHtml())) + "</div>");
}

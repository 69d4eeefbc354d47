using ArtifactTools.Degradation;
using ArtifactTools.Imaging;

namespace ArtifactTools.Training;

/// <summary>
/// The colour training set: (clean, degraded) 8-bit RGB image pairs (<see cref="PairCache"/>), each image compressed
/// whole as a colour file with its chroma subsampling. Batches come out as MATLAB YCbCr planes (Y, Cb, Cr on 0..1), the
/// space the colour networks work in. RGB is what the files hold, so the cache stores it exactly and converts per patch.
/// </summary>
public sealed class ColorPairs : PairCache
{
    /// <summary>R, G, B planes; keyed by the JPEG chroma sampling too.</summary>
    static readonly PairLayout Layout = new("ATCOLOR1", ".colorpairs", "colour training", Planes: 3,
        PlanesOf: image => AsRgb(image).Channels, ImageOf: planes => RasterImage.Rgb(planes[0], planes[1], planes[2]),
        KeyDetail: degradation => degradation is JpegDegradation jpeg ? jpeg.Sampling.ToString() : "");

    ColorPairs(string path) : base(path, Layout) { }

    public override int Channels => 3;

    /// <summary>Patches start on even pixels, the phase of the 2x2 chroma grid the image was compressed (and is
    /// restored) with.</summary>
    private protected override int PatchAlignment => 2;

    /// <summary>Opens the cache for this exact input (files, degradation, sampling, augmentation, seed), building it if needed.</summary>
    public static ColorPairs Open(IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed,
        string cacheDirectory, int minimumSize, IProgress<string>? progress = null, CancellationToken cancellation = default) =>
        new(Prepare(Layout, files, degradation, recipe, seed, cacheDirectory, minimumSize, progress, cancellation));

    /// <summary>R, G and B of the row as Y, Cb and Cr.</summary>
    private protected override void ConvertRow(long offset, long plane, int count, Span<float> target, int at, int area)
    {
        var r = Bytes(offset, count);
        var g = Bytes(offset + plane, count);
        var b = Bytes(offset + 2 * plane, count);
        var y = target.Slice(at, count);
        var cb = target.Slice(area + at, count);
        var cr = target.Slice(2 * area + at, count);
        for (int x = 0; x < count; x++)
        {
            var (vy, vcb, vcr) = ColorConversion.RgbToYCbCrUnit(r[x], g[x], b[x]);
            y[x] = vy; cb[x] = vcb; cr[x] = vcr;
        }
    }

    /// <summary>A gray image as R = G = B (a colour network learns that neutral chroma stays neutral).</summary>
    internal static RasterImage AsRgb(RasterImage image) =>
        image.ColorModel == ColorModel.Rgb ? image : RasterImage.Rgb(image.Channels[0], image.Channels[0].Clone(), image.Channels[0].Clone());
}

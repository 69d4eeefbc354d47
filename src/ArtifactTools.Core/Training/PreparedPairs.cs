using ArtifactTools.Degradation;
using ArtifactTools.Imaging;

namespace ArtifactTools.Training;

/// <summary>The training set as (clean, degraded) 8-bit Y image pairs (<see cref="PairCache"/>): each augmented image is
/// compressed whole as a grayscale file before patches are cut; patches come out as Y on 0..1.</summary>
public sealed class PreparedPairs : PairCache
{
    static readonly PairLayout Layout = new("ATPAIRS1", ".pairs", "training", Planes: 1,
        PlanesOf: image => [ColorConversion.Luma(image)], ImageOf: planes => RasterImage.Gray(planes[0]));

    PreparedPairs(string path) : base(path, Layout) { }

    public override int Channels => 1;

    /// <summary>Opens the cache for this exact input (files, degradation, augmentation, seed), building it if needed.</summary>
    public static PreparedPairs Open(IReadOnlyList<string> files, IDegradation degradation, TrainingRecipe recipe, int seed,
        string cacheDirectory, int minimumSize, IProgress<string>? progress = null, CancellationToken cancellation = default) =>
        new(Prepare(Layout, files, degradation, recipe, seed, cacheDirectory, minimumSize, progress, cancellation));

    private protected override void ConvertRow(long offset, long plane, int count, Span<float> target, int at, int area)
    {
        var source = Bytes(offset, count);
        var y = target.Slice(at, count);
        for (int x = 0; x < count; x++) y[x] = source[x] * (1f / 255f);
    }
}

using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

/// <summary>
/// A compression degradation, applied in memory. Returns the pair a network learns from: the clean reference (usually
/// the input itself; the rescaled image for rescale-then-JPEG) and its degraded version, same size.
/// </summary>
public interface IDegradation
{
    /// <summary>Canonical spec string, parsed back by <c>Degradations.Parse</c>: "jpeg:10", "jpeg:5-95", "jp2:0.3",
    /// "rescale:0.5+jpeg:75", "webp:50".</summary>
    string Spec { get; }

    /// <summary>Degrades an 8-bit image (grayscale planes are compressed as grayscale files, as in the papers).
    /// <paramref name="random"/> picks the quality for ranges; deterministic for a given seed.</summary>
    DegradedPair Apply(RasterImage clean, Random? random = null);
}

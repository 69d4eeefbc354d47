using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

/// <summary>A degradation that produces an encoded file (all of the codec degradations).</summary>
public interface ICompressingDegradation : IDegradation
{
    /// <summary>Encodes <paramref name="clean"/>; <paramref name="random"/> picks from ranges (Random.Shared when null).</summary>
    CompressedImage Compress(RasterImage clean, Random? random = null);
}

using ArtifactTools.Degradation;
using ArtifactTools.Imaging;

namespace ArtifactTools.Training;

/// <summary>What a <see cref="PairCache"/> keeps of each training image: the 8-bit planes of the clean image and of its
/// degraded copy (Y for <see cref="PreparedPairs"/>; R, G, B for <see cref="ColorPairs"/>), and how its file is named.</summary>
/// <param name="Magic">Eight ASCII characters that start a complete cache file, the last a version digit other than 0
/// (the same name with 0 marks a file still being written). A change of the layout takes a new version.</param>
/// <param name="Extension">The cache file's extension (".pairs").</param>
/// <param name="Description">What the cache holds, for messages ("training" images).</param>
/// <param name="Planes">Planes per image.</param>
/// <param name="PlanesOf">The planes kept of an image: of a training file, and of each side of a degraded pair.</param>
/// <param name="ImageOf">The image the degradation gets from (resized, rotated) planes.</param>
/// <param name="KeyDetail">What else of the degradation keys the cache, besides its spec (null: nothing).</param>
sealed record PairLayout(string Magic, string Extension, string Description, int Planes,
    Func<RasterImage, Plane[]> PlanesOf, Func<Plane[], RasterImage> ImageOf, Func<IDegradation, string>? KeyDetail = null)
{
    /// <summary>The header of a file still being written: the magic with version 0.</summary>
    public string UnfinishedMagic => Magic[..^1] + "0";
}

using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

/// <summary>Apply = Compress then decode, for every codec degradation.</summary>
public abstract class CodecDegradation : ICompressingDegradation
{
    public abstract string Spec { get; }
    public abstract CompressedImage Compress(RasterImage clean, Random? random = null);

    public DegradedPair Apply(RasterImage clean, Random? random = null)
    {
        var compressed = Compress(clean, random);
        return new DegradedPair(compressed.Reference, compressed.Decode(), compressed.AppliedSpec);
    }

    public override string ToString() => Spec;
}

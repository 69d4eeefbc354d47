using ArtifactTools.Imaging;

namespace ArtifactTools.Degradation;

public sealed record DegradedPair(RasterImage Reference, RasterImage Degraded, string AppliedSpec);

namespace ArtifactTools.Networks;

/// <summary>
/// SRCNN applied to artifact removal (paper 000 Section III-A and VI-A2): patch extraction, non-linear mapping,
/// reconstruction, ReLU after the hidden layers (Eq. 2). The deeper variant adds one 16(1) mapping layer.
/// </summary>
public static class Srcnn
{
    /// <summary>64(9)-32(1)-1(5), 8,032 weights.</summary>
    public const string Spec = "64(9)-32(1)-1(5)-relu";

    /// <summary>64(9)-32(1)-16(1)-1(5), 8,144 weights.</summary>
    public const string DeeperSpec = "64(9)-32(1)-16(1)-1(5)-relu";

    public static ChainNetwork Create(int channels = 1) => ChainNetwork.ForImages(Spec, channels);
    public static ChainNetwork CreateDeeper(int channels = 1) => ChainNetwork.ForImages(DeeperSpec, channels);

}

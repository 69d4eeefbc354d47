namespace ArtifactTools.Networks;

/// <summary>
/// AR-CNN (paper 000 Section III-B): feature extraction, feature enhancement, mapping, reconstruction, with PReLU after
/// each hidden layer (Eq. 4-7). The deeper five-layer network is Table VI's "9-7-3-1-5"; the decomposed one is Section
/// IV-B's layer decomposition of the enhancement layer (Table VII "replace deeper").
/// </summary>
public static class ArCnn
{
    /// <summary>64(9)-32(7)-16(1)-1(5), 106,448 weights (Table I).</summary>
    public const string Spec = "64(9)-32(7)-16(1)-1(5)";

    /// <summary>64(9)-32(7)-16(3)-16(1)-1(5), 110,800 weights.</summary>
    public const string DeeperSpec = "64(9)-32(7)-16(3)-16(1)-1(5)";

    /// <summary>64(9)-32(1)-32(7)-16(1)-1(5): the 7x7 64-to-32 layer split into a 1x1 shrink and a 7x7 enhance (Eq. 11).</summary>
    public const string DecomposedSpec = "64(9)-32(1)-32(7)-16(1)-1(5)";

    public static ChainNetwork Create(int channels = 1) => ChainNetwork.ForImages(Spec, channels);
    public static ChainNetwork CreateDeeper(int channels = 1) => ChainNetwork.ForImages(DeeperSpec, channels);
    public static ChainNetwork CreateDecomposed(int channels = 1) => ChainNetwork.ForImages(DecomposedSpec, channels);
}

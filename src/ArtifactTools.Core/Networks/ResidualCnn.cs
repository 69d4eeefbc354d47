namespace ArtifactTools.Networks;

/// <summary>
/// The residual networks of paper 002: ReLU throughout (Eq. 1), output = input + predicted residual. L4 is Table 2;
/// L8 is Table 1, whose "4(+1)" and "6(+1)" concatenate layer 1's 32 activations to those of layers 4 and 6
/// (so layers 5 and 7 see 64+32 channels), written "+1" in the spec.
/// </summary>
public static class ResidualCnn
{
    /// <summary>48(11)-64(3)-64(3)-1(5), residual: 71,920 weights; receptive field 19 x 19.</summary>
    public const string L4Spec = "48(11)-64(3)-64(3)-1(5)-relu-r";

    /// <summary>Table 1 with skips into layers 5 and 7, residual: 220,064 weights; receptive field 25 x 25.</summary>
    public const string L8Spec = "32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r";

    public static ChainNetwork CreateL4(int channels = 1) => ChainNetwork.ForImages(L4Spec, channels);
    public static ChainNetwork CreateL8(int channels = 1) => ChainNetwork.ForImages(L8Spec, channels);
}

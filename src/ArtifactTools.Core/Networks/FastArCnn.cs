namespace ArtifactTools.Networks;

/// <summary>
/// Fast AR-CNN and the general hourglass framework of paper 000 Section IV (Eq. 12):
/// n1(f1)-n2(1)-n3(f3)xm-n4(1)-n5[f5]-s, a strided first convolution (feature extraction), 1x1 shrinking,
/// m enhancement layers, 1x1 expanding (mapping) and a deconvolution with the same stride back to full size.
/// </summary>
public static class FastArCnn
{
    /// <summary>64(9)-32(1)-32(7)-64(1)-1[9]-s2: 64,640 weights by Eq. 9 (the paper prints 56,496).</summary>
    public const string Spec = "64(9)-32(1)-32(7)-64(1)-1[9]-s2";

    public static ChainNetwork Create(int channels = 1) => ChainNetwork.ForImages(Spec, channels);

    /// <summary>The hourglass n1(f1)-n2(1)-n3(f3)xm-n4(1)-channels[f5]-s with PReLU (Eq. 12).</summary>
    public static ChainNetwork CreateHourglass(int n1, int f1, int n2, int n3, int f3, int m, int n4, int f5, int stride, int channels = 1) =>
        new(new NetworkSpec(
            [new LayerSpec(n1, f1), new LayerSpec(n2, 1), new LayerSpec(n3, f3, Repeat: m), new LayerSpec(n4, 1), new LayerSpec(channels, f5, IsDeconvolution: true)],
            stride), channels);
}

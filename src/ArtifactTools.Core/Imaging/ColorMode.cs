namespace ArtifactTools.Imaging;

/// <summary>What a model restores. <see cref="Y"/>: luminance only (the papers; chroma kept as decoded).
/// <see cref="YCbCr"/>: a colour model that works on Y, Cb and Cr (the chroma network restores Cb and Cr, guided by Y).</summary>
public enum ColorMode { Y, YCbCr }

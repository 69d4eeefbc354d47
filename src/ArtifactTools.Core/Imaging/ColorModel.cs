namespace ArtifactTools.Imaging;

public enum ColorModel { Gray, Rgb }

namespace ArtifactTools.Imaging;

/// <summary>The file formats the module reads and writes. <see cref="SameAsInput"/> keeps the image's source format.</summary>
public enum ImageFileFormat { SameAsInput, Png, Jpeg, Jpeg2000, WebP, Bmp, Tiff }

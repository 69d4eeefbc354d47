namespace ArtifactTools.Restoration;

/// <summary>One tile: the network sees <see cref="Input"/> (the tile plus a margin of context, clipped to the image);
/// only <see cref="Interior"/> is kept, so every kept pixel had its whole receptive field in view.</summary>
public readonly record struct Tile(PixelRect Input, PixelRect Interior);

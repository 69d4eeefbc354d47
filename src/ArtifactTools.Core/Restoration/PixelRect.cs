using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>A rectangle of pixels: X, Y of the top-left corner, width and height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public static PixelRect Of(Plane plane) => new(0, 0, plane.Width, plane.Height);
}

using System.Runtime.InteropServices;
using ArtifactTools.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// The boundary between planes (0..255 floats) and network tensors (N x 1 x H x W floats, 0..1). Copies go row by row
/// straight into and out of the tensors' CPU storage: no per-pixel allocation, no intermediate arrays.
/// </summary>
public static class TensorImage
{
    const float ToUnit = 1f / 255f;

    /// <summary>A 1 x 1 x H x W tensor of the whole plane, values / 255.</summary>
    public static Tensor ToTensor(Plane plane) => ToTensor([plane], PixelRect.Of(plane));

    /// <summary>The same region of several planes stacked as N x 1 x h x w (a batch of tiles or patches), values / 255.</summary>
    public static Tensor ToTensor(IReadOnlyList<Plane> planes, PixelRect region) =>
        ToTensor(planes.Select(p => (p, region)).ToList());

    /// <summary>Equally sized regions, each from its own plane, stacked as N x 1 x h x w, values / 255.</summary>
    public static Tensor ToTensor(IReadOnlyList<(Plane Plane, PixelRect Region)> sources)
    {
        if (sources.Count == 0) throw new ArgumentException("No planes to convert.", nameof(sources));
        int w = sources[0].Region.Width, h = sources[0].Region.Height;
        var tensor = empty([sources.Count, 1, h, w], ScalarType.Float32);
        var target = MemoryMarshal.Cast<byte, float>(tensor.bytes);
        for (int n = 0; n < sources.Count; n++)
        {
            var (plane, r) = sources[n];
            if (r.Width != w || r.Height != h) throw new ArgumentException("All regions of a batch must have the same size.", nameof(sources));
            CheckInside(plane, r);
            for (int row = 0; row < h; row++)
            {
                var src = plane.Data.AsSpan((r.Y + row) * plane.Width + r.X, w);
                var dst = target.Slice((n * h + row) * w, w);
                for (int i = 0; i < w; i++) dst[i] = src[i] * ToUnit;
            }
        }
        return tensor;
    }

    /// <summary>A plane (0..255, not clamped) from a 1 x 1 x H x W or H x W tensor on any device.</summary>
    public static Plane ToPlane(Tensor tensor)
    {
        var (h, w) = ((int)tensor.shape[^2], (int)tensor.shape[^1]);
        if (tensor.numel() != (long)h * w) throw new ArgumentException($"Expected one {h}x{w} image, got shape [{string.Join(",", tensor.shape)}].");
        var plane = new Plane(w, h);
        CopyToPlane(tensor, 0, new PixelRect(0, 0, w, h), plane, 0, 0);
        return plane;
    }

    /// <summary>Copies <paramref name="source"/> (a region of image <paramref name="index"/> of an N x 1 x h x w tensor)
    /// into <paramref name="target"/> at (<paramref name="targetX"/>, <paramref name="targetY"/>), times 255.</summary>
    public static void CopyToPlane(Tensor batch, int index, PixelRect source, Plane target, int targetX, int targetY)
    {
        Tensor? owned = null;
        var contiguous = batch;
        if (contiguous.device_type != DeviceType.CPU || contiguous.dtype != ScalarType.Float32)
            contiguous = owned = batch.to(ScalarType.Float32, CPU);
        if (!contiguous.is_contiguous())
        {
            var copy = contiguous.contiguous();
            owned?.Dispose();
            contiguous = owned = copy;
        }
        try { CopyRows(contiguous, index, source, target, targetX, targetY); }
        finally { owned?.Dispose(); }
    }

    static void CopyRows(Tensor contiguous, int index, PixelRect source, Plane target, int targetX, int targetY)
    {
        int w = (int)contiguous.shape[^1], h = (int)contiguous.shape[^2];
        if (source.X < 0 || source.Y < 0 || source.Right > w || source.Bottom > h)
            throw new ArgumentOutOfRangeException(nameof(source), $"{source} is outside the {w}x{h} tensor.");
        CheckInside(target, new PixelRect(targetX, targetY, source.Width, source.Height));
        var data = MemoryMarshal.Cast<byte, float>(contiguous.bytes);
        for (int row = 0; row < source.Height; row++)
        {
            var src = data.Slice((index * h + source.Y + row) * w + source.X, source.Width);
            var dst = target.Data.AsSpan((targetY + row) * target.Width + targetX, source.Width);
            for (int i = 0; i < src.Length; i++) dst[i] = src[i] * 255f;
        }
    }

    static void CheckInside(Plane plane, PixelRect r)
    {
        if (r.X < 0 || r.Y < 0 || r.Width <= 0 || r.Height <= 0 || r.Right > plane.Width || r.Bottom > plane.Height)
            throw new ArgumentOutOfRangeException(nameof(r), $"{r} is outside the {plane.Width}x{plane.Height} plane.");
    }
}

using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Restores colour: luminance with a luma model (the papers' networks, through <see cref="Restorer"/>) and chroma with
/// a colour model (<see cref="ChromaNetwork"/>) that sees the decoded Y, Cb and Cr. Both networks read the decoded
/// image, so each sees what it was trained on. Works in MATLAB YCbCr and back to RGB, clamped; tiled like the luma
/// restore so memory stays bounded by the tile; the image's RGB planes hold Y, Cb, Cr in between, so a restore needs
/// three extra planes (restored Y, Cb, Cr), not six. Gray images get the luma restore only.
/// </summary>
public sealed class ColorRestorer : IDisposable
{
    // Restorer's CPU cache budget for the widest feature map (see Restorer.DefaultTileSize), for the chroma network.
    const long CpuFeatureMapBytes = 12L << 20;
    // A tile's interior is at least this many margins wide: ChromaUNet's margin is 60 px, and at the cache budget's
    // 320 px interior, recomputed borders tripled the work (measured on a 2-core AMD EPYC: 1.03 Mpx/s at 320, 1.58 at
    // 768 on a 6 MP image; 2.09 on 500x500 images); transient memory stays near 110 MB.
    const int MinInteriorInMargins = 12;
    const int GpuTileSize = 1024;

    readonly bool _ownsChroma;
    readonly Lazy<int> _receptiveRadius;

    public Restorer Luma { get; }
    public RestorationModel Chroma { get; }

    /// <summary>"luma+chroma" model names, as outputs and results record them.</summary>
    public string Name => $"{Luma.Model.Name}+{Chroma.Name}";

    /// <param name="ownsChroma">Dispose the chroma model with this restorer (the luma restorer stays the caller's: several
    /// colour restorers can share one).</param>
    public ColorRestorer(Restorer luma, RestorationModel chroma, bool ownsChroma = false)
    {
        ArgumentNullException.ThrowIfNull(luma);
        ArgumentNullException.ThrowIfNull(chroma);
        if (!IsColorModel(chroma.Metadata))
            throw new NotSupportedException($"Model '{chroma.Name}' restores colour mode '{chroma.Metadata.ColorMode}' with {chroma.Metadata.Channels} channel(s); a colour model (YCbCr, 3 channels) is needed.");
        (Luma, Chroma, _ownsChroma) = (luma, chroma, ownsChroma);
        _receptiveRadius = new Lazy<int>(() => ReceptiveField.MeasureRadius(chroma.Network, chroma.Device, channels: 3));
    }

    /// <summary>True for a model that restores YCbCr images (3 channels).</summary>
    public static bool IsColorModel(ModelMetadata metadata) =>
        metadata.Channels == 3 && string.Equals(metadata.ColorMode, nameof(ColorMode.YCbCr), StringComparison.OrdinalIgnoreCase);

    /// <summary>The chroma network's tiling margin: its receptive radius on its downsampling grid.</summary>
    public int ChromaMargin => TileGrid.RoundUp(_receptiveRadius.Value, Chroma.Network.Downsampling);

    int ChromaTileSize()
    {
        if (Chroma.Device.type != DeviceType.CPU) return GpuTileSize;
        var network = Chroma.Network;
        int side = (int)Math.Sqrt(CpuFeatureMapBytes / (sizeof(float) * (double)network.FeatureChannels));
        int interior = Math.Max(side - 2 * ChromaMargin, MinInteriorInMargins * ChromaMargin);
        return interior / network.Downsampling * network.Downsampling;
    }

    /// <summary>Restores <paramref name="image"/> by overwriting its colour planes, and returns it.</summary>
    public RasterImage RestoreInPlace(RasterImage image, RestoreOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= new RestoreOptions();
        options.Validate();
        if (image.ColorModel == ColorModel.Gray) return Luma.RestoreInPlace(image, options, cancellation);

        var planes = image.Channels;
        ToYCbCrInPlace(planes);
        var (y, cb, cr) = (planes[0], planes[1], planes[2]);
        var (restoredCb, restoredCr) = RestoreChroma(y, cb, cr, options, cancellation);
        var restoredY = Luma.RestoreLuma(y, options, cancellation);
        options.QuantizationConstraint?.Project(y, restoredY, LumaScale.StudioRange); // as the luma-only restore does
        ToRgbInPlace(restoredY, restoredCb, restoredCr, planes);
        return image;
    }

    /// <summary>Cb and Cr restored by the chroma network, tile by tile (0..255, unclamped; blended by Strength; averaged
    /// over <see cref="RestoreOptions.ChromaPasses"/> orientations: the image and its transpose by default, all 8 with
    /// <see cref="RestoreOptions.Ensemble"/>).</summary>
    public (Plane Cb, Plane Cr) RestoreChroma(Plane y, Plane cb, Plane cr, RestoreOptions options, CancellationToken cancellation = default)
    {
        int margin = options.Margin ?? ChromaMargin;
        var tiles = TileGrid.Create(y.Width, y.Height, options.TileSize ?? ChromaTileSize(), margin, Chroma.Network.Downsampling);
        var outCb = new Plane(y.Width, y.Height);
        var outCr = new Plane(y.Width, y.Height);
        float strength = (float)options.Strength;
        TileGrid.ForEachBatch(tiles, batchSize: 1, options.Progress, cancellation, batch =>
        {
            var tile = batch[0];
            var input = cat([.. new[] { y, cb, cr }.Select(p => TensorImage.ToTensor([p], tile.Input))], 1).to(Chroma.Device);
            var restored = SelfEnsemble.Forward(Chroma.Network, input, options.ChromaPasses).to(ScalarType.Float32, CPU);
            tile.Keep(restored[.., 1..2], 0, outCb, cb, strength);
            tile.Keep(restored[.., 2..3], 0, outCr, cr, strength);
        });
        return (outCb, outCr);
    }

    /// <summary>R, G, B planes become Y, Cb, Cr (MATLAB, unrounded) in place.</summary>
    static void ToYCbCrInPlace(Plane[] rgb)
    {
        var (r, g, b) = (rgb[0].Data, rgb[1].Data, rgb[2].Data);
        for (int i = 0; i < r.Length; i++)
        {
            var (y, cb, cr) = ColorConversion.RgbToYCbCr(r[i], g[i], b[i]);
            (r[i], g[i], b[i]) = ((float)y, (float)cb, (float)cr);
        }
    }

    static void ToRgbInPlace(Plane y, Plane cb, Plane cr, Plane[] target)
    {
        var (r, g, b) = (target[0].Data, target[1].Data, target[2].Data);
        for (int i = 0; i < r.Length; i++)
        {
            var (vr, vg, vb) = ColorConversion.YCbCrToRgb(y.Data[i], cb.Data[i], cr.Data[i]);
            r[i] = (float)Math.Clamp(vr, 0, 255);
            g[i] = (float)Math.Clamp(vg, 0, 255);
            b[i] = (float)Math.Clamp(vb, 0, 255);
        }
    }

    public void Dispose()
    {
        if (_ownsChroma) Chroma.Dispose();
    }
}

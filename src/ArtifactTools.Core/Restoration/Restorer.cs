using ArtifactTools.Imaging;
using ArtifactTools.Models;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Restores images with one loaded model; reuse it for many images (the model loads once). As in the papers the network
/// restores luminance only: RGB input goes to MATLAB YCbCr, Y (unrounded) is restored, chroma is kept as decoded (the
/// JPEG decoder already upsampled it smoothly: libjpeg's default fancy upsampling, which ImageMagick leaves on), and the
/// image goes back to RGB, clamped. Gray stays gray; alpha, EXIF, ICC and the source format pass through.
/// Bit depth: the bundled ImageMagick is the 8-bit (Q8) build, so a 16-bit input is decoded and written at 8 bits.
/// </summary>
public sealed class Restorer : IDisposable
{
    // Keeping Cb and Cr while changing Y moves R, G and B by the same amount: MATLAB's chroma rows sum to zero, so
    // (1,1,1) maps to pure luma. Applying that shift equals the full YCbCr round trip without holding chroma planes.
    static readonly float RgbPerLuma = (float)(ColorConversion.YCbCrToRgb(17, 128, 128).R - ColorConversion.YCbCrToRgb(16, 128, 128).R);

    readonly bool _ownsModel;
    readonly Lazy<int> _receptiveRadius;

    public RestorationModel Model { get; }

    public Restorer(RestorationModel model, bool ownsModel = false)
    {
        Model = model;
        _ownsModel = ownsModel;
        if (model.Metadata.Channels != 1 || !string.Equals(model.Metadata.ColorMode, "Y", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"Model '{model.Name}' restores {model.Metadata.Channels} channel(s) in colour mode '{model.Metadata.ColorMode}'; only luminance (Y, 1 channel) models are supported.");
        _receptiveRadius = new Lazy<int>(() => ReceptiveField.MeasureRadius(model.Network, model.Device));
    }

    /// <summary>Pixels of context each output pixel depends on (measured once per model).</summary>
    public int ReceptiveRadius => _receptiveRadius.Value;

    /// <summary>The tiling margin used when the options leave it open: the receptive radius, rounded up to the grid.</summary>
    public int DefaultMargin => TileGrid.RoundUp(ReceptiveRadius);

    public RasterImage Restore(RasterImage input, RestoreOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new RestoreOptions();
        options.Validate();

        if (input.ColorModel == ColorModel.Gray)
        {
            var y = input.Channels[0];
            var restored = RestoreLuma(y, options, cancellation);
            Clamp(restored.Data);
            return CopyExtras(input, ColorModel.Gray, [restored]);
        }

        var luma = ColorConversion.Luma(input, roundTo8Bit: false);
        var restoredLuma = RestoreLuma(luma, options, cancellation);
        var channels = new Plane[3];
        for (int c = 0; c < 3; c++)
        {
            var source = input.Channels[c].Data;
            var result = new float[source.Length];
            for (int i = 0; i < result.Length; i++)
                result[i] = Math.Clamp(source[i] + RgbPerLuma * (restoredLuma.Data[i] - luma.Data[i]), 0f, 255f);
            channels[c] = new Plane(input.Width, input.Height, result);
        }
        return CopyExtras(input, ColorModel.Rgb, channels);
    }

    /// <summary>Restores one luminance plane (0..255, unclamped result), tile by tile.</summary>
    public Plane RestoreLuma(Plane y, RestoreOptions options, CancellationToken cancellation = default)
    {
        options.Validate();
        var tiles = TileGrid.Create(y.Width, y.Height, options.TileSize, options.Margin ?? DefaultMargin);
        var output = new Plane(y.Width, y.Height);
        var batches = tiles.GroupBy(t => (t.Input.Width, t.Input.Height))
            .SelectMany(g => g.Chunk(options.BatchSize)).ToList();
        float strength = (float)options.Strength;
        int done = 0;

        using var inference = inference_mode();
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var input = TensorImage.ToTensor(batch.Select(t => (y, t.Input)).ToList()).to(Model.Device);
            var restored = Model.Network.forward(input).to(ScalarType.Float32, CPU).contiguous();
            for (int n = 0; n < batch.Length; n++)
            {
                var (inRect, interior) = (batch[n].Input, batch[n].Interior);
                var inside = interior with { X = interior.X - inRect.X, Y = interior.Y - inRect.Y };
                TensorImage.CopyToPlane(restored, n, inside, output, interior.X, interior.Y);
                if (strength < 1f) Blend(y, output, interior, strength);
            }
            done += batch.Length;
            options.Progress?.Report((done, tiles.Count));
        }
        return output;
    }

    static void Blend(Plane original, Plane restored, PixelRect region, float strength)
    {
        for (int row = region.Y; row < region.Bottom; row++)
        {
            var o = original.Data.AsSpan(row * original.Width + region.X, region.Width);
            var r = restored.Data.AsSpan(row * restored.Width + region.X, region.Width);
            for (int i = 0; i < r.Length; i++) r[i] = o[i] + strength * (r[i] - o[i]);
        }
    }

    static void Clamp(float[] data)
    {
        for (int i = 0; i < data.Length; i++) data[i] = Math.Clamp(data[i], 0f, 255f);
    }

    static RasterImage CopyExtras(RasterImage input, ColorModel model, Plane[] channels) => new()
    {
        ColorModel = model,
        Channels = channels,
        Alpha = input.Alpha,
        BitDepth = input.BitDepth,
        Exif = input.Exif,
        IccProfile = input.IccProfile,
        SourceFormat = input.SourceFormat,
    };

    public void Dispose()
    {
        if (_ownsModel) Model.Dispose();
    }
}

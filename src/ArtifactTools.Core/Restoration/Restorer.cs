using ArtifactTools.Imaging;
using ArtifactTools.Models;
using ArtifactTools.Networks;
using ArtifactTools.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

/// <summary>
/// Restores images with one loaded model; reuse it for many images (the model loads once). As in the papers the network
/// restores luminance only: RGB input goes to MATLAB YCbCr, Y (unrounded) is restored, chroma is kept as decoded (the
/// JPEG decoder already upsampled it smoothly: libjpeg's default fancy upsampling, which ImageMagick leaves on), and the
/// image goes back to RGB, clamped. Gray stays gray; alpha, EXIF, ICC and the source format pass through. Given the
/// input JPEG's quantization constraint, the restored luminance is projected into it (after tiling, on the whole plane).
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

    InferenceChoice? _tuning;
    RestorationNetwork? _bfloat16;

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

    /// <summary>The tiling margin used when the options leave it open: the receptive radius, rounded up to the
    /// network's downsampling grid.</summary>
    public int DefaultMargin => TileGrid.RoundUp(ReceptiveRadius, Model.Network.Downsampling);

    // oneDNN's CPU convolutions ran several times faster on this project's 2-core AMD EPYC while a layer's feature maps
    // fit in cache (bench/README.md): AR-CNN 1.5 Mpx/s on 160-224 px inputs against 0.2 on 1024 px. That rule (12 MiB of
    // the widest feature map) is the default until this machine has measured its own (InferenceCalibration).
    const long RuleFeatureMapBytes = 12L << 20;
    const int GpuTileSize = 1024, SmallestTile = 32;
    // Calibrating takes seconds: worth it for images of a megapixel and more (then cached for every later restore).
    const long CalibrationMinPixels = 1_000_000;

    /// <summary>The tile side used when the options leave it open: on a CPU, what this machine measured fastest for the
    /// network (<see cref="Tuning"/>), else the cache-sized rule (<see cref="RuleTileSize"/>); on a GPU, large tiles.</summary>
    public int DefaultTileSize(int? margin = null)
    {
        if (Model.Device.type != DeviceType.CPU) return GpuTileSize;
        return Tuning?.TileSize ?? RuleTileSize(margin);
    }

    /// <summary>Tiles whose widest feature map (with the margins) fits 12 MiB: the default before calibration.</summary>
    public int RuleTileSize(int? margin = null) => TileSizeFor(Model.Network, margin ?? DefaultMargin, RuleFeatureMapBytes);

    /// <summary>The largest tile side (interior) whose widest feature map, margins included, fits <paramref name="featureMapBytes"/>.</summary>
    public static int TileSizeFor(RestorationNetwork network, int margin, long featureMapBytes)
    {
        int side = (int)Math.Sqrt(featureMapBytes / (sizeof(float) * (double)network.FeatureChannels));
        int interior = side - 2 * TileGrid.RoundUp(margin, network.Downsampling);
        return Math.Max(interior / network.Downsampling * network.Downsampling, Math.Max(SmallestTile, margin));
    }

    /// <summary>What this machine measured for this network (tile size, precision), if it has; see <see cref="Calibrate"/>.</summary>
    public InferenceChoice? Tuning => _tuning ??= Model.Device.type == DeviceType.CPU
        ? TuningCache.ForThisMachine.Read<InferenceChoice>(InferenceCalibration.CacheEntry(Model.Network, get_num_threads()))
        : null;

    /// <summary>Measures the fastest tile size and precision for this network on this CPU and caches them (a few
    /// seconds, once per CPU model, network and thread count). Restores of a megapixel and more do it on their own.</summary>
    public InferenceChoice Calibrate()
    {
        var choice = InferenceCalibration.Measure(Model.Network, CpuIdentity.Current.HasBFloat16 ? BFloat16Network : null, DefaultMargin);
        TuningCache.ForThisMachine.Write(InferenceCalibration.CacheEntry(Model.Network, get_num_threads()), choice);
        return _tuning = choice;
    }

    /// <summary>The precision a restore with <paramref name="requested"/> runs in: Auto is what calibration chose
    /// (float32 before it, and on GPUs, where nothing was measured).</summary>
    public InferencePrecision PrecisionFor(InferencePrecision requested) => requested switch
    {
        InferencePrecision.Auto => Tuning?.Precision ?? InferencePrecision.Float32,
        _ => requested,
    };

    /// <summary>True when this model's network can run in bfloat16 (the papers' chain networks; not CAS-CNN).</summary>
    public bool SupportsBFloat16 => Model.Network is ChainNetwork;

    /// <summary>A copy of the network with its body in bfloat16 (built on first use).</summary>
    RestorationNetwork? BFloat16Network
    {
        get
        {
            if (_bfloat16 is not null || Model.Network is not ChainNetwork) return _bfloat16;
            var copy = (ChainNetwork)NetworkRegistry.CopyOf(Model.Network, ScalarType.Float32);
            copy.UseReducedPrecisionBody(ScalarType.BFloat16);
            copy.to(Model.Device);
            copy.eval();
            return _bfloat16 = copy;
        }
    }

    RestorationNetwork NetworkFor(InferencePrecision precision) => precision switch
    {
        InferencePrecision.BFloat16 => BFloat16Network
            ?? throw new NotSupportedException($"Model '{Model.Name}' ({Model.Network.Spec}) cannot run in bfloat16; use -Precision Float32."),
        _ => Model.Network,
    };

    /// <summary>A restored copy of <paramref name="input"/> (the input is left as it was).</summary>
    public RasterImage Restore(RasterImage input, RestoreOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var copy = CopyExtras(input, input.ColorModel, input.Channels.Select(c => c.Clone()).ToArray());
        return RestoreInPlace(copy, options, cancellation);
    }

    /// <summary>Restores <paramref name="image"/> by overwriting its colour planes, and returns it: for callers that
    /// no longer need the input (a 48 MP image then needs no second set of RGB planes).</summary>
    public RasterImage RestoreInPlace(RasterImage image, RestoreOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= new RestoreOptions();
        options.Validate();

        if (image.ColorModel == ColorModel.Gray)
        {
            var y = image.Channels[0];
            var restored = RestoreLuma(y, options, cancellation);
            options.QuantizationConstraint?.Project(y, restored, LumaScale.JpegSamples);
            for (int i = 0; i < y.Data.Length; i++) y.Data[i] = Math.Clamp(restored.Data[i], 0f, 255f);
            return image;
        }

        var luma = ColorConversion.Luma(image, roundTo8Bit: false);
        var restoredLuma = RestoreLuma(luma, options, cancellation);
        options.QuantizationConstraint?.Project(luma, restoredLuma, LumaScale.StudioRange);
        var change = restoredLuma.Data;
        for (int i = 0; i < change.Length; i++) change[i] = RgbPerLuma * (change[i] - luma.Data[i]);
        foreach (var channel in image.Channels)
        {
            var data = channel.Data;
            for (int i = 0; i < data.Length; i++) data[i] = Math.Clamp(data[i] + change[i], 0f, 255f);
        }
        return image;
    }

    /// <summary>Restores one luminance plane (0..255, unclamped result), tile by tile.</summary>
    public Plane RestoreLuma(Plane y, RestoreOptions options, CancellationToken cancellation = default)
    {
        options.Validate();
        if (Model.Device.type == DeviceType.CPU && Tuning is null && (long)y.Width * y.Height >= CalibrationMinPixels
            && (options.TileSize is null || options.Precision == InferencePrecision.Auto))
            Calibrate();
        var network = NetworkFor(PrecisionFor(options.Precision));
        int margin = options.Margin ?? DefaultMargin;
        var tiles = TileGrid.Create(y.Width, y.Height, options.TileSize ?? DefaultTileSize(margin), margin, Model.Network.Downsampling);
        var output = new Plane(y.Width, y.Height);
        float strength = (float)options.Strength;
        TileGrid.ForEachBatch(tiles, options.BatchSize, options.Progress, cancellation, batch =>
        {
            var input = TensorImage.ToTensor(batch.Select(t => (y, t.Input)).ToList()).to(Model.Device);
            var restored = SelfEnsemble.Forward(network, input, options.LumaPasses).to(ScalarType.Float32, CPU).contiguous();
            for (int n = 0; n < batch.Length; n++) batch[n].Keep(restored, n, output, y, strength);
        });
        return output;
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
        _bfloat16?.Dispose();
        if (_ownsModel) Model.Dispose();
    }
}

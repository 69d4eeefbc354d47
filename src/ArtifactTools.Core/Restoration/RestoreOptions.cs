namespace ArtifactTools.Restoration;

/// <summary>How to run a restore. Defaults suit a CPU and images of any size.</summary>
public sealed record RestoreOptions
{
    /// <summary>Largest side of the tiles the network sees at once (plus margins); bounds memory whatever the image
    /// size. Null picks the fastest for the network and device (see <see cref="Restorer.DefaultTileSize"/>).</summary>
    public int? TileSize { get; init; }

    /// <summary>Context around each tile, in pixels; null measures the network's receptive field (the smallest margin
    /// for which the tiled result equals the untiled one). Rounded up to the network's downsampling grid.</summary>
    public int? Margin { get; init; }

    /// <summary>Tiles of equal size run together, up to this many (helps a GPU; 1 is best on a CPU).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Float32, BFloat16 (faster where the CPU has bf16 arithmetic, within 0.25 grey levels RMS), or Auto: what
    /// this machine measured faster and as exact (<see cref="InferenceCalibration"/>).</summary>
    public InferencePrecision Precision { get; init; } = InferencePrecision.Auto;

    /// <summary>0..1: how much of the network's change to keep (1 = all). Lower values counter over-smoothing.</summary>
    public double Strength { get; init; } = 1.0;

    /// <summary>The input JPEG's quantization constraint (<see cref="Restoration.QuantizationConstraint.FromJpeg"/> of
    /// its bytes): the restored luminance is projected into the coefficient intervals the file allows. Null: no
    /// projection (input that is no JPEG, or projection turned off).</summary>
    public QuantizationConstraint? QuantizationConstraint { get; init; }

    /// <summary>Averages both networks' outputs over the 8 flips and rotations of each tile (<see cref="SelfEnsemble"/>):
    /// 8x the time for a little more quality. Overrides <see cref="ChromaOrientations"/>.</summary>
    public bool Ensemble { get; init; }

    /// <summary>The chroma network's orientations by default: the image and its transpose. The chroma network is a small
    /// share of a colour restore's time (0.15 s per 500x500 image against 1.6 s for resunet-q10 on a 2-core EPYC), and the
    /// pair gains about 60% of the best chroma gain that more orientations give (bench/README.md).</summary>
    public const int DefaultChromaOrientations = 2;

    /// <summary>How many orientations (1..8) the colour restore averages its chroma network over, in
    /// <see cref="SelfEnsemble"/>'s order; 1 is one plain pass, the fastest.</summary>
    public int ChromaOrientations { get; init; } = DefaultChromaOrientations;

    /// <summary>Orientations the luma network averages over: 8 with <see cref="Ensemble"/>, else 1.</summary>
    public int LumaPasses => Ensemble ? SelfEnsemble.Transforms : 1;

    /// <summary>Orientations the chroma network averages over: 8 with <see cref="Ensemble"/>, else <see cref="ChromaOrientations"/>.</summary>
    public int ChromaPasses => Ensemble ? SelfEnsemble.Transforms : ChromaOrientations;

    /// <summary>Told (tiles done, tiles total) after each batch of tiles.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    public void Validate()
    {
        if (TileSize is < 8) throw new ArgumentOutOfRangeException(nameof(TileSize), TileSize, "Tile size must be at least 8 pixels.");
        if (Margin is < 0) throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "Margin cannot be negative.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be at least 1.");
        if (ChromaOrientations is < 1 or > SelfEnsemble.Transforms)
            throw new ArgumentOutOfRangeException(nameof(ChromaOrientations), ChromaOrientations, $"Chroma orientations must be between 1 and {SelfEnsemble.Transforms}.");
        if (double.IsNaN(Strength) || Strength is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(Strength), Strength, "Strength must be between 0 and 1.");
    }
}

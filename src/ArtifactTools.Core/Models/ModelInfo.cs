namespace ArtifactTools.Models;

/// <summary>A model file in the catalog, described from its metadata without loading the weights (Get-ArtifactModel).</summary>
public sealed class ModelInfo
{
    public string Name => Metadata.Name;
    public string Architecture => Metadata.Architecture;
    /// <summary>The papers' name of the architecture (e.g. "L8" for its spec string), for tables.</summary>
    public string Network => Networks.NetworkRegistry.DisplayName(Metadata.Architecture);
    public string Degradation => Metadata.Degradation;
    /// <summary>The JPEG quality it was trained for; null for general (blind) models.</summary>
    public int? Quality => Metadata.JpegQuality;
    public string? Recipe => Metadata.Recipe;
    public long? Iterations => Metadata.Iterations;
    public double? ValidationPSNR => Metadata.ValidationPsnr;
    public double? BaselinePSNR => Metadata.BaselinePsnr;
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Scores => Metadata.Scores;
    public string Path { get; }
    /// <summary>True for the models that ship with the module (module/models), false for user models.</summary>
    public bool Shipped { get; }
    public long SizeKB { get; }
    public ModelMetadata Metadata { get; }

    /// <summary>True for a model trained on a quality range or a non-JPEG degradation: used when the quality is unknown.</summary>
    public bool IsGeneral => Quality is null;

    /// <summary>How much the model improves its validation images (dB): the yardstick when several shipped models
    /// cover the same quality (e.g. the papers' AR-CNN and the default L8).</summary>
    public double MeasuredGain => ValidationPSNR is { } restored && BaselinePSNR is { } degraded ? restored - degraded : 0;

    public ModelInfo(ModelMetadata metadata, string path, bool shipped, long sizeBytes)
    {
        Metadata = metadata;
        Path = path;
        Shipped = shipped;
        SizeKB = (sizeBytes + 1023) / 1024;
    }

    /// <summary>Reads a model file's metadata; throws <see cref="InvalidDataException"/> for a foreign or corrupt file.</summary>
    public static ModelInfo FromFile(string path, bool shipped = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        return new ModelInfo(ModelFile.ReadMetadata(full), full, shipped, new FileInfo(full).Length);
    }

    /// <summary>"classic5 29.41 dB / 0.818; bsds500-val ..." for one-line display.</summary>
    public string ScoreSummary => string.Join("; ", Scores.Select(s =>
        $"{s.Key} " + string.Join(" ", s.Value.Select(m => $"{m.Key}={m.Value:0.###}"))));

    public override string ToString() => Name;
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArtifactTools.Models;

/// <summary>
/// What a model file says about itself (the safetensors "__metadata__" map, all strings there): which network to build,
/// which degradation it was trained to undo, how it was trained and how well it scores. Unknown keys are kept in
/// <see cref="Extra"/> and written back, so files from newer versions round-trip.
/// </summary>
public sealed partial record ModelMetadata
{
    public const int CurrentFormatVersion = 1;
    public static string DefaultTrainedBy { get; } = "ArtifactTools " + (typeof(ModelMetadata).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    /// <summary>Model name used by -Model and tab completion, e.g. "arcnn-q10".</summary>
    public string Name { get; init; } = "";
    /// <summary>A network name or spec string accepted by NetworkRegistry.Create; rebuilds the network on load.</summary>
    public string Architecture { get; init; } = "";
    public int Channels { get; init; } = 1;
    /// <summary>"Y": the network restores luminance (MATLAB YCbCr), as in the papers.</summary>
    public string ColorMode { get; init; } = "Y";
    /// <summary>Colour models: the chroma subsampling of the JPEGs they were trained on ("4:2:0", "4:2:2", "4:4:4").</summary>
    public string? ChromaSampling { get; init; }
    /// <summary>Degradation spec it was trained on: "jpeg:10", "jpeg:5-95", "jp2:0.3", "rescale:0.5+jpeg:75".</summary>
    public string Degradation { get; init; } = "";
    public string? Recipe { get; init; }
    public long? Iterations { get; init; }
    public double? TrainingSeconds { get; init; }
    /// <summary>PSNR (dB, Y) of the restored validation images.</summary>
    public double? ValidationPsnr { get; init; }
    /// <summary>PSNR (dB, Y) of the degraded validation images before restoration, for comparison.</summary>
    public double? BaselinePsnr { get; init; }
    /// <summary>Measured scores per benchmark set: set -> metric ("psnr", "ssim", "psnrb", ...) -> value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Scores { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();
    public DateTimeOffset? Created { get; init; }
    public string TrainedBy { get; init; } = DefaultTrainedBy;
    public string? Description { get; init; }
    /// <summary>Any further keys (free form, kept verbatim).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The single JPEG quality this model was trained for ("jpeg:10" -> 10); null for ranges and other
    /// degradations (those are general, "blind" models).</summary>
    public int? JpegQuality => SingleJpegQuality().Match(Degradation.Trim()) is { Success: true } m
        ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^jpeg:(\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex SingleJpegQuality();

    /// <summary>The JPEG qualities this model was trained on: (q, q) for "jpeg:q", (lo, hi) for "jpeg:lo-hi"; null for
    /// other degradations.</summary>
    public (int Min, int Max)? JpegQualityRange => JpegQuality is { } q ? (q, q)
        : JpegRange().Match(Degradation.Trim()) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;

    [GeneratedRegex(@"^jpeg:(\d{1,3})-(\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex JpegRange();

    /// <summary>True for a model that restores luminance only (the papers' Y models).</summary>
    public bool IsLuma => string.Equals(ColorMode, "Y", StringComparison.OrdinalIgnoreCase);

    static readonly string[] KnownKeys =
    [
        "format_version", "name", "architecture", "channels", "color_mode", "chroma_sampling", "degradation", "recipe", "iterations",
        "training_seconds", "validation_psnr", "baseline_psnr", "scores", "created", "trained_by", "description",
    ];

    /// <summary>The string map stored in the file.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format_version"] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["name"] = Name,
            ["architecture"] = Architecture,
            ["channels"] = Channels.ToString(CultureInfo.InvariantCulture),
            ["color_mode"] = ColorMode,
            ["degradation"] = Degradation,
            ["trained_by"] = TrainedBy,
            ["created"] = (Created ?? DateTimeOffset.UtcNow).ToString("o", CultureInfo.InvariantCulture),
        };
        if (ChromaSampling is not null) map["chroma_sampling"] = ChromaSampling;
        if (Recipe is not null) map["recipe"] = Recipe;
        if (Iterations is { } it) map["iterations"] = it.ToString(CultureInfo.InvariantCulture);
        if (TrainingSeconds is { } ts) map["training_seconds"] = ts.ToString("R", CultureInfo.InvariantCulture);
        if (ValidationPsnr is { } vp) map["validation_psnr"] = vp.ToString("R", CultureInfo.InvariantCulture);
        if (BaselinePsnr is { } bp) map["baseline_psnr"] = bp.ToString("R", CultureInfo.InvariantCulture);
        if (Scores.Count > 0) map["scores"] = JsonSerializer.Serialize(Scores);
        if (Description is not null) map["description"] = Description;
        foreach (var (key, value) in Extra)
            if (!map.ContainsKey(key)) map[key] = value;
        return map;
    }

    /// <summary>Parses the stored map; <paramref name="source"/> names the file in error messages.</summary>
    public static ModelMetadata FromDictionary(IReadOnlyDictionary<string, string> map, string source)
    {
        string? Get(string key) => map.TryGetValue(key, out var v) ? v : null;
        T? Parse<T>(string key) where T : struct, IParsable<T>
        {
            var text = Get(key);
            if (string.IsNullOrWhiteSpace(text)) return null;
            return T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
                : throw Invalid(source, $"metadata '{key}' = '{text}' is not a valid {typeof(T).Name}");
        }

        var version = Parse<int>("format_version") ?? throw Invalid(source, "metadata 'format_version' is missing (not an ArtifactTools model?)");
        if (version > CurrentFormatVersion)
            throw Invalid(source, $"format_version {version} was written by a newer ArtifactTools (this one reads up to {CurrentFormatVersion})");
        var architecture = Get("architecture");
        if (string.IsNullOrWhiteSpace(architecture)) throw Invalid(source, "metadata 'architecture' is missing");

        DateTimeOffset? created = null;
        if (Get("created") is { Length: > 0 } createdText)
            created = DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var c) ? c
                : throw Invalid(source, $"metadata 'created' = '{createdText}' is not an ISO 8601 date");

        return new ModelMetadata
        {
            FormatVersion = version,
            Name = Get("name") is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(source),
            Architecture = architecture,
            Channels = Parse<int>("channels") ?? 1,
            ColorMode = Get("color_mode") ?? "Y",
            ChromaSampling = Get("chroma_sampling"),
            Degradation = Get("degradation") ?? "",
            Recipe = Get("recipe"),
            Iterations = Parse<long>("iterations"),
            TrainingSeconds = Parse<double>("training_seconds"),
            ValidationPsnr = Parse<double>("validation_psnr"),
            BaselinePsnr = Parse<double>("baseline_psnr"),
            Scores = ParseScores(Get("scores"), source),
            Created = created,
            TrainedBy = Get("trained_by") ?? "",
            Description = Get("description"),
            Extra = map.Where(kv => !KnownKeys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        };
    }

    static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ParseScores(string? json, string source)
    {
        var scores = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json)) return scores;
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var set in doc.RootElement.EnumerateObject())
            {
                var metrics = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                foreach (var metric in set.Value.EnumerateObject())
                    if (metric.Value.ValueKind == JsonValueKind.Number) metrics[metric.Name] = metric.Value.GetDouble();
                scores[set.Name] = metrics;
            }
            return scores;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Invalid(source, "metadata 'scores' is not a JSON object of {set: {metric: number}}", ex);
        }
    }

    static InvalidDataException Invalid(string source, string reason, Exception? inner = null) =>
        SafeTensorsFormat.Invalid(source, reason, inner);
}

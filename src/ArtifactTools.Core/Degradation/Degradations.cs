using System.Globalization;

namespace ArtifactTools.Degradation;

/// <summary>
/// Builds degradations from spec strings: "jpeg:10", "jpeg:5-95" (uniform random quality), "jp2:0.3" (bits per
/// pixel), "webp:50", "rescale:0.5+jpeg:75", "rescale:1024px+jpeg:75". Names are case-insensitive; "jpg", "jpeg2000"
/// and "j2k" are accepted aliases. The Spec of the result is canonical and parses back to the same degradation.
/// </summary>
public static class Degradations
{
    public const string Grammar = "'jpeg:<q>', 'jpeg:<q1>-<q2>', 'jp2:<bits per pixel>', 'webp:<q>', 'rescale:<factor>+<codec>' or 'rescale:<long side>px+<codec>'";

    /// <exception cref="FormatException">The spec is not in the grammar, with the reason.</exception>
    public static ICompressingDegradation Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw Bad(spec, "it is empty");
        var stages = spec.Trim().Split('+', StringSplitOptions.TrimEntries);
        if (stages.Length > 2) throw Bad(spec, "at most one rescale and one codec can be combined");
        if (stages.Length == 2)
        {
            var (name, value) = Split(spec, stages[0]);
            if (name is not ("rescale" or "resize")) throw Bad(spec, $"the first of two stages must be a rescale, not '{name}'");
            var codec = ParseCodec(spec, stages[1]);
            if (value.EndsWith("px", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var side) || side < 8)
                    throw Bad(spec, $"'{value}' is not a long side of at least 8 pixels");
                return RescaleDegradation.ToLongSide(side, codec);
            }
            if (!TryNumber(value, out var factor) || factor is <= 0 or > 16)
                throw Bad(spec, $"'{value}' is not a rescale factor in (0, 16] or a long side such as 1024px");
            return RescaleDegradation.ByFactor(factor, codec);
        }
        return ParseCodec(spec, stages[0]);
    }

    /// <summary>A folder name for a degradation's outputs: "q10" for JPEG at one quality (the papers' naming), else the
    /// spec with ':' as '-' ("jp2-0.3", "webp-50", "rescale-0.5+jpeg-75").</summary>
    public static string FolderName(IDegradation degradation) =>
        degradation is JpegDegradation { IsRange: false } jpeg ? $"q{jpeg.MinQuality}" : degradation.Spec.Replace(':', '-');

    static ICompressingDegradation ParseCodec(string spec, string stage)
    {
        var (name, value) = Split(spec, stage);
        switch (name)
        {
            case "jpeg" or "jpg":
                var dash = value.IndexOf('-');
                if (dash < 0) return new JpegDegradation(Quality(spec, value));
                int lo = Quality(spec, value[..dash]), hi = Quality(spec, value[(dash + 1)..]);
                if (lo > hi) throw Bad(spec, $"the quality range {lo}-{hi} runs backwards");
                return new JpegDegradation(lo, hi);
            case "jp2" or "jpeg2000" or "j2k":
                if (!TryNumber(value, out var bpp) || bpp <= 0 || bpp > 48)
                    throw Bad(spec, $"'{value}' is not a bit rate in bits per pixel (e.g. 0.3)");
                return new Jpeg2000Degradation(bpp);
            case "webp":
                return new WebPDegradation(Quality(spec, value));
            case "rescale" or "resize":
                throw Bad(spec, "a rescale must be followed by a codec, e.g. 'rescale:0.5+jpeg:75'");
            default:
                throw Bad(spec, $"unknown degradation '{name}'");
        }
    }

    static (string Name, string Value) Split(string spec, string stage)
    {
        var colon = stage.IndexOf(':');
        if (colon <= 0 || colon == stage.Length - 1) throw Bad(spec, $"'{stage}' is not of the form name:value");
        return (stage[..colon].Trim().ToLowerInvariant(), stage[(colon + 1)..].Trim());
    }

    static int Quality(string spec, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 100
            ? q : throw Bad(spec, $"'{text}' is not a quality in 1..100");

    static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    static FormatException Bad(string? spec, string reason) =>
        new($"Invalid degradation '{spec}': {reason}. Use {Grammar}.");
}

namespace ArtifactTools.Imaging;

/// <summary>
/// Estimates the IJG quality a JPEG was saved at from its quantization tables (DQT markers): each quality 1..100
/// gives libjpeg's scaled standard tables (baseline-clamped), and the quality whose tables are nearest wins. Files from
/// libjpeg-based encoders (ImageMagick, PIL, MATLAB, cameras using IJG scaling) match exactly; other encoders get the
/// nearest IJG equivalent. This is how restoration picks a model for an unlabelled file.
/// </summary>
public static class JpegQualityEstimator
{
    /// <summary>The standard luminance table (ITU T.81 Annex K), natural (row-major) order.</summary>
    public static readonly IReadOnlyList<int> StandardLuminance =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    /// <summary>The standard chrominance table, natural order.</summary>
    public static readonly IReadOnlyList<int> StandardChrominance =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    /// <summary>libjpeg's jpeg_quality_scaling + jpeg_add_quant_table with force_baseline: the table for quality q.</summary>
    public static int[] ScaledTable(IReadOnlyList<int> standard, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
        var table = new int[64];
        for (int i = 0; i < 64; i++) table[i] = Math.Clamp((standard[i] * scale + 50) / 100, 1, 255);
        return table;
    }

    /// <summary>Quantization tables by table id (0 = luminance in IJG files), natural order; empty for non-JPEG data.</summary>
    public static IReadOnlyDictionary<int, int[]> ReadQuantizationTables(ReadOnlySpan<byte> jpeg) =>
        JpegHeader.Read(jpeg)?.QuantizationTables ?? new Dictionary<int, int[]>();

    /// <summary>The IJG quality 1..100 nearest to the file's tables; null when the bytes are not a JPEG with tables.</summary>
    public static int? Estimate(ReadOnlySpan<byte> jpeg) => EstimateDetailed(jpeg)?.Quality;

    /// <summary>The nearest IJG quality and whether the tables are exactly IJG's for it (false: another encoder's
    /// tables, or a file re-saved with custom tables; the quality is then an approximation).</summary>
    public static JpegQualityEstimate? EstimateDetailed(ReadOnlySpan<byte> jpeg)
    {
        var tables = ReadQuantizationTables(jpeg);
        if (!tables.TryGetValue(0, out var luma)) return null;
        tables.TryGetValue(1, out var chroma);
        int best = 0;
        double bestError = double.MaxValue;
        // From high to low quality, so that among equal low-quality tables (all clamped to 255) the highest wins.
        for (int q = 100; q >= 1; q--)
        {
            double error = Distance(luma, ScaledTable(StandardLuminance, q));
            if (chroma is not null) error += Distance(chroma, ScaledTable(StandardChrominance, q));
            if (error < bestError) (best, bestError) = (q, error);
        }
        return new JpegQualityEstimate(best, bestError == 0);
    }

    /// <summary>The estimate for a file; null for a file that is not a JPEG.</summary>
    public static JpegQualityEstimate? EstimateFile(string path)
    {
        using var stream = File.OpenRead(path);
        // Tables sit in the header; 256 KiB covers any EXIF thumbnail in front of them.
        var head = new byte[Math.Min(stream.Length, 256 * 1024)];
        stream.ReadExactly(head);
        return EstimateDetailed(head);
    }

    static double Distance(int[] a, int[] b)
    {
        double sum = 0;
        for (int i = 0; i < 64; i++) sum += Math.Abs(a[i] - b[i]);
        return sum;
    }
}

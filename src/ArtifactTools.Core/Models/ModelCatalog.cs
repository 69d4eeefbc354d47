using System.Reflection;

namespace ArtifactTools.Models;

/// <summary>
/// The models a user can name: shipped ones (module/models/*.safetensors beside the module) and user ones
/// ($ARTIFACTTOOLS_MODEL_PATH, else ~/.local/share/ArtifactTools/models). Picks a model for a JPEG quality.
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>Folders of user models, separated by the platform's path separator (':' on Linux, ';' on Windows).</summary>
    public const string ModelPathVariable = "ARTIFACTTOOLS_MODEL_PATH";
    /// <summary>Replaces the shipped-models folder (packagers, tests of the selection logic).</summary>
    public const string ShippedPathVariable = "ARTIFACTTOOLS_SHIPPED_MODELS";

    readonly Lazy<(IReadOnlyList<ModelInfo> Models, IReadOnlyList<string> Problems)> _scan;

    public IReadOnlyList<string> ShippedDirectories { get; }
    public IReadOnlyList<string> UserDirectories { get; }

    public ModelCatalog(IEnumerable<string> shippedDirectories, IEnumerable<string> userDirectories)
    {
        ShippedDirectories = shippedDirectories.ToList();
        UserDirectories = userDirectories.ToList();
        _scan = new Lazy<(IReadOnlyList<ModelInfo>, IReadOnlyList<string>)>(Scan);
    }

    /// <summary>The catalog as configured now (environment read on each call, so a session can repoint it).</summary>
    public static ModelCatalog Default() => new(DefaultShippedDirectories(), DefaultUserDirectories());

    /// <summary>Every readable model: user models first (so a user model can shadow a shipped one of the same name),
    /// each folder in name order.</summary>
    public IReadOnlyList<ModelInfo> Models => _scan.Value.Models;

    /// <summary>Files that looked like models but could not be read ("path: reason"), for warnings.</summary>
    public IReadOnlyList<string> Problems => _scan.Value.Problems;

    /// <summary>The model with this name (case-insensitive; the file name without extension matches too).</summary>
    public ModelInfo? Find(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Models.FirstOrDefault(m => string.Equals(System.IO.Path.GetFileNameWithoutExtension(m.Path), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The shipped model for an input: with a known JPEG quality, the JPEG model trained for the nearest quality (ties go
    /// to the lower quality, which removes more artifacts); otherwise, or when there is no JPEG model, the general
    /// (blind) model. Throws <see cref="InvalidOperationException"/> with advice when nothing fits.
    /// </summary>
    /// <summary>How far (in JPEG quality steps) a per-quality model may be from the input's quality.</summary>
    public const int MaxQualityDistance = 10;

    /// <summary>How far (in JPEG quality steps) an input may lie outside a colour model's trained qualities. Measured on
    /// Kodak24 (RGB PSNR over luma-only restore): chroma-q10 still gains +0.24 dB at q20, chroma-q30 +0.41 at q20 and
    /// +0.34 at q40; beyond 10 steps nothing was measured.</summary>
    public const int MaxColorQualityDistance = 10;

    /// <summary>The chroma sampling colour models are trained on (libjpeg's default) and the one that stands in for the
    /// others: chroma-q10 (4:2:0) gains +0.46 dB RGB over luma-only on 4:4:4 and +0.54 on 4:2:2 Kodak24 at q10.</summary>
    public const string FallbackChromaSampling = "4:2:0";

    public ModelInfo SelectFor(int? jpegQuality)
    {
        var shipped = Models.Where(m => m.Shipped && m.Metadata.IsLuma).ToList();
        if (jpegQuality is { } q)
        {
            var nearest = shipped.Where(m => m.Quality is not null)
                .OrderBy(m => Math.Abs(m.Quality!.Value - q)).ThenBy(m => m.Quality)
                .ThenByDescending(m => m.MeasuredGain).FirstOrDefault();
            // A model trained far from the input's quality (a q40 model on a q96 photo) removes detail that is not
            // damage; the general model, trained over the whole range, is the better choice there.
            bool generalAvailable = shipped.Any(m => m.IsGeneral);
            if (nearest is not null && (!generalAvailable || Math.Abs(nearest.Quality!.Value - q) <= MaxQualityDistance)) return nearest;
        }
        // A JPEG range ("jpeg:5-95") is the best general fallback for unknown JPEG-like damage; then anything else.
        var general = shipped.Where(m => m.IsGeneral)
            .OrderBy(m => m.Degradation.StartsWith("jpeg:", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(m => m.MeasuredGain).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
        if (general is not null) return general;

        var where = ShippedDirectories.Count > 0 ? string.Join(", ", ShippedDirectories) : "(no models folder found)";
        throw new InvalidOperationException(shipped.Count == 0
            ? $"No shipped models were found in {where}. Pass -Model with a model file (.safetensors) or a name from Get-ArtifactModel."
            : $"The quality of this input is unknown and no general (blind) model is shipped in {where}. Pass -Model with one of: {string.Join(", ", shipped.Select(m => m.Name))}.");
    }

    /// <summary>
    /// The shipped colour (chroma) model for a colour JPEG of this quality and chroma sampling, or null when none fits
    /// (the input then keeps its decoded chroma). A model fits when its JPEG qualities reach the input's within
    /// <see cref="MaxColorQualityDistance"/>, and it was trained on the input's sampling or on
    /// <see cref="FallbackChromaSampling"/>. The same sampling wins, then the nearest quality; between two equally near,
    /// the one trained for the higher quality (it over-smooths less: at q20 chroma-q30 +1.42 dB against chroma-q10 +1.25),
    /// then the larger gain. Unknown quality (not a JPEG): the model whose range is widest, for <c>-ColorMode YCbCr</c>.
    /// </summary>
    public ModelInfo? SelectColorFor(int? jpegQuality, string chromaSampling)
    {
        var candidates = Models.Where(m => m.Shipped && Restoration.ColorRestorer.IsColorModel(m.Metadata)
            && m.Metadata.ChromaSampling is { } sampling && (sampling == chromaSampling || sampling == FallbackChromaSampling)
            && m.Metadata.JpegQualityRange is not null).ToList();
        int SamplingRank(ModelInfo m) => m.Metadata.ChromaSampling == chromaSampling ? 0 : 1;
        if (jpegQuality is not { } q)
            return candidates.OrderBy(SamplingRank)
                .ThenByDescending(m => m.Metadata.JpegQualityRange!.Value.Max - m.Metadata.JpegQualityRange!.Value.Min)
                .ThenByDescending(m => m.MeasuredGain).FirstOrDefault();
        static int Distance(ModelInfo m, int q) => m.Metadata.JpegQualityRange is var (lo, hi) ? Math.Max(0, Math.Max(lo - q, q - hi)) : int.MaxValue;
        return candidates.Where(m => Distance(m, q) <= MaxColorQualityDistance)
            .OrderBy(SamplingRank).ThenBy(m => Distance(m, q)).ThenByDescending(m => m.Metadata.JpegQualityRange!.Value.Max)
            .ThenByDescending(m => m.MeasuredGain).FirstOrDefault();
    }

    (IReadOnlyList<ModelInfo>, IReadOnlyList<string>) Scan()
    {
        var models = new List<ModelInfo>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (dir, shipped) in UserDirectories.Select(d => (d, false)).Concat(ShippedDirectories.Select(d => (d, true))))
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*" + ModelFile.Extension).Order(StringComparer.Ordinal))
            {
                if (!seen.Add(System.IO.Path.GetFullPath(file))) continue;
                try { models.Add(ModelInfo.FromFile(file, shipped)); }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    problems.Add(ex.Message);
                }
            }
        }
        return (models, problems);
    }

    /// <summary>$ARTIFACTTOOLS_SHIPPED_MODELS, else module/models: beside an installed module the Core assembly lives in
    /// module/bin, so ../models; in a source checkout (tests, the console host) the folder under the directory holding
    /// ArtifactTools.psd1.</summary>
    public static IReadOnlyList<string> DefaultShippedDirectories()
    {
        var overridden = Environment.GetEnvironmentVariable(ShippedPathVariable);
        if (!string.IsNullOrWhiteSpace(overridden)) return SplitPathList(overridden);

        var assemblyDir = System.IO.Path.GetDirectoryName(typeof(ModelCatalog).Assembly.Location);
        if (string.IsNullOrEmpty(assemblyDir)) assemblyDir = AppContext.BaseDirectory;
        var besideModule = System.IO.Path.GetFullPath(System.IO.Path.Combine(assemblyDir, "..", "models"));
        if (Directory.Exists(besideModule)) return [besideModule];
        for (var dir = new DirectoryInfo(assemblyDir); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ArtifactTools.psd1")))
                return [System.IO.Path.Combine(dir.FullName, "module", "models")];
        return [];
    }

    /// <summary>$ARTIFACTTOOLS_MODEL_PATH, else the user data folder (~/.local/share/ArtifactTools/models on Linux,
    /// %LOCALAPPDATA%\ArtifactTools\models on Windows).</summary>
    public static IReadOnlyList<string> DefaultUserDirectories()
    {
        var configured = Environment.GetEnvironmentVariable(ModelPathVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return SplitPathList(configured);
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data) ? [] : [System.IO.Path.Combine(data, "ArtifactTools", "models")];
    }

    static IReadOnlyList<string> SplitPathList(string list) =>
        list.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(System.IO.Path.GetFullPath).ToList();
}

using ArtifactTools.Training;

namespace ArtifactTools.Notebooks;

/// <summary>A paper's number for the same measurement on the paper's test set: the restored PSNR and the PSNR of the
/// input it restored (JPEG at the same quality), so that gains can be compared across test sets.</summary>
public sealed record PaperScore(double Psnr, double InputPsnr)
{
    public double Gain => Psnr - InputPsnr;
}

/// <summary>
/// The results tables of the training notebooks: each run's numbers beside the paper's for the same setting, and a
/// caption that says on which images each side was measured (ours: a few validation images after minutes of training;
/// the papers': LIVE1 or another test set after days), so that gains, not absolute dB, are what gets compared.
/// </summary>
public static class ResultTables
{
    /// <param name="runs">Our runs; a run's <see cref="TrainingRun.Label"/> finds its paper number in <paramref name="paper"/>.</param>
    /// <param name="ourSet">Where our validation PSNR was measured, e.g. <c>NotebookData.Describe("BSDS500/val")</c>.</param>
    /// <param name="paperSource">The paper's table or figure and its test set, e.g. "paper 000 Table IV, LIVE1, JPEG q10".</param>
    /// <param name="paper">The paper's scores by run label; empty where the paper draws curves only (the columns are left out).</param>
    public static HtmlView Training(IEnumerable<TrainingRun> runs, string ourSet, string paperSource, IReadOnlyDictionary<string, PaperScore>? paper = null)
    {
        paper ??= new Dictionary<string, PaperScore>();
        var list = runs.ToList();
        string[] headers = ["network", "spec", "iterations", "patches seen", "ours: PSNR (dB)", "ours: input (dB)", "ours: gain (dB)", "seconds"];
        if (paper.Count > 0) headers = [.. headers, $"paper: PSNR (dB)", $"paper: input (dB)", $"paper: gain (dB)"];
        var rows = list.Select(r =>
        {
            object[] row = [r.Label, r.Result.Architecture, r.Result.Iterations, (long)r.Result.Iterations * r.BatchSize,
                            r.Result.ValidationPSNR, r.Result.BaselinePSNR, r.Result.IPSNR, r.Result.Duration.TotalSeconds];
            if (paper.Count == 0) return (IReadOnlyList<object>)row;
            return paper.TryGetValue(r.Label, out var p) ? [.. row, p.Psnr, p.InputPsnr, p.Gain] : (IReadOnlyList<object>)[.. row, "-", "-", "-"];
        });
        var caption = $"Ours: {ourSet}. Paper: {paperSource}" +
                      (paper.Count > 0 ? ", a different test set after far longer training: compare the gains and their order, not the absolute dB." : ".");
        return new HtmlView(HtmlView.Table(headers, rows).ToHtml() + HtmlView.Text(caption).ToHtml());
    }
}

namespace ArtifactTools.Notebooks;

/// <summary>
/// The one switch every notebook honours. <see cref="PaperScale"/> = true reproduces the papers' settings (hours to
/// days on a CPU); the default runs in minutes on a laptop. The test sets ARTIFACTTOOLS_NOTEBOOK_BUDGET=tiny so the
/// whole set runs in a few minutes on CI, which wins over everything else.
/// </summary>
public static class NotebookSettings
{
    public const string BudgetVariable = "ARTIFACTTOOLS_NOTEBOOK_BUDGET";

    /// <summary>THE switch: false = small settings (minutes on a laptop CPU), true = the papers' settings.</summary>
    public static bool PaperScale { get; set; }

    public static NotebookBudget Budget =>
        Environment.GetEnvironmentVariable(BudgetVariable)?.Trim().ToLowerInvariant() switch
        {
            "tiny" => NotebookBudget.Tiny,
            "paper" => NotebookBudget.Paper,
            "small" => NotebookBudget.Small,
            _ => PaperScale ? NotebookBudget.Paper : NotebookBudget.Small,
        };

    /// <summary>Picks the value for the current budget, e.g. <c>Pick(tiny: 5, small: 2_000, paper: 1_000_000)</c>
    /// iterations. Naming all three at the call site keeps the paper's number visible in the notebook.</summary>
    public static T Pick<T>(T tiny, T small, T paper) => Budget switch
    {
        NotebookBudget.Tiny => tiny,
        NotebookBudget.Paper => paper,
        _ => small,
    };

    /// <summary>Human-readable budget line for the top of a notebook.</summary>
    public static string Describe() => Budget switch
    {
        NotebookBudget.Tiny => "Budget: TINY (automated test run; numbers are meaningless, only the plumbing is checked).",
        NotebookBudget.Paper => "Budget: PAPER SCALE (the papers' settings; expect hours to days on a CPU).",
        _ => "Budget: SMALL (minutes on a laptop CPU; set NotebookSettings.PaperScale = true for the papers' settings).",
    };
}

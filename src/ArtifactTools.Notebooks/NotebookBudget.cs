namespace ArtifactTools.Notebooks;

/// <summary>How much work a notebook does: the tiny budget of the automated test, the laptop-minutes default, or the
/// papers' full settings.</summary>
public enum NotebookBudget { Tiny, Small, Paper }

using ArtifactTools.Training;

namespace ArtifactTools.PowerShell.Completion;

/// <summary>Tab completion of -Recipe: "paper" and the named recipes.</summary>
public sealed class RecipeNameCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => TrainingRecipes.All.Select(r => r.Name).Prepend("paper");
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ArtifactTools.Networks;
using ArtifactTools.Training;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>Base for tab completion from a fixed list of names.</summary>
public abstract class NameCompleter : IArgumentCompleter
{
    protected abstract IEnumerable<string> Names();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Names().Where(n => n.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n));
}

public sealed class NetworkNameCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => NetworkRegistry.Known.Select(n => n.Name);
}

public sealed class RecipeNameCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => TrainingRecipes.All.Select(r => r.Name).Prepend("paper");
}

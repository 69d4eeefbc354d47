using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ArtifactTools.PowerShell.Completion;

/// <summary>Base for tab completion from a fixed list of names.</summary>
public abstract class NameCompleter : IArgumentCompleter
{
    protected abstract IEnumerable<string> Names();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Names().Where(n => n.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n));
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ArtifactTools.Models;

namespace ArtifactTools.PowerShell.Completion;

/// <summary>Tab completion of -Model: names of shipped and user models (file paths complete as usual after a slash).</summary>
public sealed class ModelNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        IReadOnlyList<ModelInfo> models;
        try { models = ModelCatalog.Default().Models; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { yield break; }
        foreach (var model in models.DistinctBy(m => m.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!model.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var text = model.Name.Any(char.IsWhiteSpace) ? $"'{model.Name}'" : model.Name;
            var tip = $"{model.Architecture}, {model.Degradation}{(model.Shipped ? ", shipped" : "")}";
            yield return new CompletionResult(text, model.Name, CompletionResultType.ParameterValue, tip);
        }
    }
}

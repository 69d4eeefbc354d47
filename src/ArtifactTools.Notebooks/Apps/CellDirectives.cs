using System.Text.RegularExpressions;
using ArtifactTools.Notebooks.Kernel;

namespace ArtifactTools.Notebooks.Apps;

/// <summary>
/// A code cell split into the kernel's directives and plain C#. Understood: <c>#r "nuget: Name, Version"</c>,
/// <c>#r "path/to/X.dll"</c> (as written: relative to the kernel's working directory) and <c>#!csharp</c> (dropped). Any
/// other magic command (<c>#!time</c>, <c>#!fsharp</c>, <c>#!pwsh</c>, <c>#!set</c>, ...) or <c>#i</c> source needs the
/// kernel; it is rejected with the cell's index, so a notebook that could only run there fails loudly at export instead of
/// silently skipping work.
/// </summary>
public sealed partial record CellDirectives(IReadOnlyList<string> Packages, IReadOnlyList<string> Assemblies, string Code)
{
    public static CellDirectives Parse(NotebookCell cell)
    {
        if (cell.Language is not ("csharp" or "C#"))
            throw new NotSupportedException($"Cell {cell.Index} is {cell.Language}: only C# cells can run outside the .NET Interactive kernel.");
        var packages = new List<string>();
        var assemblies = new List<string>();
        var lines = cell.Source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line is "#!csharp" or "#!c#" or "#!C#") { lines[i] = ""; continue; }
            if (line.StartsWith("#!", StringComparison.Ordinal) || line.StartsWith("#i ", StringComparison.Ordinal))
                throw new NotSupportedException($"Cell {cell.Index}, line {i + 1}: '{line}' needs the .NET Interactive kernel; only #r and #!csharp work outside it.");
            if (!line.StartsWith("#r ", StringComparison.Ordinal)) continue;
            var match = Reference().Match(line);
            if (!match.Success) throw new FormatException($"Cell {cell.Index}, line {i + 1}: cannot read '{line}'.");
            var target = match.Groups["target"].Value.Trim();
            if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                // "nuget: Name, Version" -> "Name@Version"; without a version the kernel takes the latest, as "@*" does.
                var parts = target["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                packages.Add($"{parts[0]}@{(parts.Length > 1 ? parts[1] : "*")}");
            }
            else assemblies.Add(target);
            lines[i] = ""; // kept as an empty line, so the cell's line numbers stay the same
        }
        return new CellDirectives(packages, assemblies, string.Join('\n', lines));
    }

    [GeneratedRegex("""^#r\s+"(?<target>[^"]+)"\s*;?\s*$""")]
    private static partial Regex Reference();
}

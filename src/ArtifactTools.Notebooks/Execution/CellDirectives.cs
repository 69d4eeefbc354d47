using System.Text.RegularExpressions;

namespace ArtifactTools.Notebooks.Execution;

/// <summary>A <c>#r "nuget: Name, Version"</c> reference.</summary>
public sealed record PackageReference(string Name, string? Version);

/// <summary>
/// A code cell split into the kernel's magic commands and plain C#. Understood: <c>#r "nuget: Name, Version"</c>,
/// <c>#r "path/to.dll"</c> (relative to the notebook), <c>#!csharp</c> (dropped). Any other <c>#!</c> magic (#!time,
/// #!fsharp, #!pwsh, ...) needs the retired kernel and is rejected with the cell index, so a notebook that could only
/// run there fails loudly instead of silently skipping work.
/// </summary>
public sealed partial class CellDirectives
{
    public required IReadOnlyList<PackageReference> Packages { get; init; }
    /// <summary>Assembly paths, made absolute against the notebook's folder.</summary>
    public required IReadOnlyList<string> AssemblyPaths { get; init; }
    /// <summary>The cell's C# with directive lines blanked (kept as empty lines so error line numbers still match).</summary>
    public required string Code { get; init; }

    public static CellDirectives Parse(NotebookCell cell, string notebookDirectory)
    {
        var packages = new List<PackageReference>();
        var paths = new List<string>();
        var lines = cell.Source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!"))
            {
                if (line is "#!csharp" or "#!c#" or "#!C#") { lines[i] = ""; continue; }
                throw new NotSupportedException($"Cell {cell.Index}, line {i + 1}: magic command '{line}' needs the .NET Interactive kernel; only #r and #!csharp are supported outside it.");
            }
            if (!line.StartsWith("#r ")) continue;
            var match = ReferencePattern().Match(line);
            if (!match.Success) throw new FormatException($"Cell {cell.Index}, line {i + 1}: cannot read '{line}'.");
            var target = match.Groups["target"].Value.Trim();
            if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                var parts = target["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                packages.Add(new PackageReference(parts[0], parts.Length > 1 ? parts[1] : null));
            }
            else paths.Add(Path.GetFullPath(Path.Combine(notebookDirectory, target)));
            lines[i] = "";
        }
        return new CellDirectives { Packages = packages, AssemblyPaths = paths, Code = string.Join('\n', lines) };
    }

    [GeneratedRegex("^#r\\s+\"(?<target>[^\"]+)\"\\s*;?\\s*$")]
    private static partial Regex ReferencePattern();
}

using ArtifactTools.FileSystem;
using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>
/// Decides every output of a run before anything is written, so that no input and no file of the user's is ever
/// overwritten (with or without -Force), two inputs never share an output, and a re-run skips what it already did.
/// Paths are compared after resolving links, so an output folder that is a link to the input folder is caught too.
/// </summary>
public sealed class OutputPlanner
{
    const string SameNameSuffix = ".restored";

    readonly OutputLayout _layout;
    readonly HashSet<string> _inputs;
    readonly Dictionary<string, string> _plannedBy;

    /// <param name="inputs">Every input of the run (full paths), so an output can never land on any of them.</param>
    public OutputPlanner(OutputLayout layout, IReadOnlyCollection<string> inputs)
    {
        _layout = layout;
        _inputs = new HashSet<string>(inputs.Select(RealPath.Of), RealPath.Comparer);
        _plannedBy = new Dictionary<string, string>(RealPath.Comparer);
        MirrorRoot = layout.OutputDirectory is null ? null
            : layout.SourceRoot is not null ? Path.GetFullPath(layout.SourceRoot)
            : CommonFolder(inputs.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct(RealPath.Comparer).ToList());
    }

    /// <summary>The folder whose structure is mirrored under the output folder; null when outputs go flat or beside
    /// their inputs.</summary>
    public string? MirrorRoot { get; }

    /// <summary>True when the mirror root was inferred from this run's inputs rather than given.</summary>
    public bool MirrorRootInferred => MirrorRoot is not null && _layout.SourceRoot is null;

    public OutputDecision Decide(string input)
    {
        var format = _layout.Format == ImageFileFormat.SameAsInput ? FormatOf(input) : _layout.Format;
        if (OutputStamp.Read(input) is { } own)
            return new(OutputAction.Skip, input, format,
                $"it is an ArtifactTools output (restored with {own.Model}); outputs are not restored again");

        var directory = OutputFolderFor(input);
        if (directory is null)
            return Fail(input, format, "OutsideSourceRoot",
                $"'{input}' is not inside the source root '{MirrorRoot}', so it has no place in the mirrored output folder.");

        var extension = ImageEncoding.ExtensionOf(format);
        var stem = Path.GetFileNameWithoutExtension(input) + _layout.Suffix;
        var target = Path.Combine(directory, stem + extension);
        var realInput = RealPath.Of(input);
        var real = RealPath.Of(target);
        if (RealPath.Comparer.Equals(real, realInput))
        {
            target = Path.Combine(directory, stem + SameNameSuffix + extension);
            real = RealPath.Of(target);
        }

        if (_plannedBy.TryGetValue(real, out var other))
            return Fail(target, format, "OutputCollision",
                $"'{input}' would be restored to '{target}', the output of '{other}' in this run; use -Suffix, or -OutputDirectory with -SourceRoot to mirror folders.");
        if (Directory.Exists(target))
            return Fail(target, format, "OutputIsFolder", $"The output '{target}' of '{input}' is a folder.");

        var decision = File.Exists(target) ? DecideOverExisting(input, realInput, target, real, format) : new(OutputAction.Write, target, format);
        if (decision.Action != OutputAction.Fail) _plannedBy[real] = input;
        return decision;
    }

    /// <summary>An existing file is replaced only when it is our own output of this very input, and only with -Force.</summary>
    OutputDecision DecideOverExisting(string input, string realInput, string target, string realTarget, ImageFileFormat format)
    {
        var stamp = OutputStamp.Read(target);
        if (stamp is not null && RealPath.Comparer.Equals(RealPath.Of(SourceOf(stamp, target)), realInput))
            return _layout.Force
                ? new(OutputAction.Write, target, format)
                : new(OutputAction.Skip, target, format, $"already restored from this input (with {stamp.Model}); -Force restores it again");
        if (stamp is not null)
            return Fail(target, format, "OutputCollision",
                $"'{target}' was restored from '{SourceOf(stamp, target)}', not from '{input}', and is not overwritten; use -Suffix or another -OutputDirectory.");
        if (_inputs.Contains(realTarget))
            return Fail(target, format, "OutputIsInput",
                $"'{input}' would be restored to '{target}', which is an input of this run; inputs are never overwritten, not even with -Force. Use -Suffix or -OutputDirectory.");
        return Fail(target, format, "OutputExists",
            $"'{target}' exists and is not an ArtifactTools output of '{input}'; it is never overwritten, not even with -Force. Use -Suffix or another -OutputDirectory, or move it away.");
    }

    /// <summary>The stamp to embed in the output of <paramref name="input"/> at <paramref name="target"/>: the source is
    /// stored relative to the output, so a tree of inputs and outputs moved together still matches on re-runs.</summary>
    public static OutputStamp StampFor(string input, string target, string model) =>
        new(Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(target))!, Path.GetFullPath(input)), model);

    static string SourceOf(OutputStamp stamp, string target) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, stamp.SourcePath));

    string? OutputFolderFor(string input)
    {
        var inputFolder = Path.GetDirectoryName(Path.GetFullPath(input))!;
        if (_layout.OutputDirectory is null) return inputFolder;
        if (MirrorRoot is null) return _layout.OutputDirectory;
        var relative = RealPath.RelativeInside(MirrorRoot, inputFolder);
        return relative is null ? null : Path.GetFullPath(Path.Combine(_layout.OutputDirectory, relative));
    }

    static OutputDecision Fail(string target, ImageFileFormat format, string errorId, string message) =>
        new(OutputAction.Fail, target, format, message, errorId);

    static ImageFileFormat FormatOf(string path)
    {
        try { return ImageEncoding.FormatFromExtension(path); }
        catch (ArgumentException) { return ImageFileFormat.Png; }
    }

    /// <summary>The deepest folder holding all of <paramref name="folders"/>; null for a single folder (flat output).</summary>
    static string? CommonFolder(IReadOnlyList<string> folders)
    {
        if (folders.Count < 2) return null;
        var common = folders[0];
        foreach (var folder in folders.Skip(1))
            while (RealPath.RelativeInside(common, folder) is null)
            {
                var parent = Path.GetDirectoryName(common);
                if (parent is null) return null; // different drives: nothing to mirror from
                common = parent;
            }
        return common;
    }
}

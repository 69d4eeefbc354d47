using System.Collections;
using System.Management.Automation;

namespace ArtifactTools.Host;

/// <summary>
/// Writes a pipeline's streams to the console as they arrive. Objects print as tables of their default display
/// properties (from the module's types.ps1xml), the engine-only stand-in for Out-Default.
/// </summary>
public sealed class ConsoleStreams
{
    readonly List<PSObject> _pending = [];
    string? _pendingType;
    public int ErrorCount { get; private set; }

    public ConsoleStreams(PSDataStreams streams)
    {
        streams.Error.DataAdded += (_, e) => WriteError(streams.Error[e.Index]);
        streams.Warning.DataAdded += (_, e) => WriteLine(Console.Error, $"WARNING: {streams.Warning[e.Index].Message}", ConsoleColor.Yellow);
        streams.Verbose.DataAdded += (_, e) => WriteLine(Console.Error, $"VERBOSE: {streams.Verbose[e.Index].Message}", ConsoleColor.Cyan);
        streams.Information.DataAdded += (_, e) => { Flush(); Console.WriteLine(streams.Information[e.Index].MessageData); };
        streams.Progress.DataAdded += (_, e) => WriteProgress(streams.Progress[e.Index]);
    }

    public void WriteError(ErrorRecord error)
    {
        Flush();
        ErrorCount++;
        WriteLine(Console.Error, $"{error.InvocationInfo?.MyCommand?.Name ?? "Error"}: {error.Exception.Message}", ConsoleColor.Red);
    }

    const int RowsPerFlush = 20;
    int[]? _widths; // column widths of the table being printed, fixed by its first rows

    public void WriteOutput(PSObject? item)
    {
        if (item is null) return; // $null in the output prints nothing, as in pwsh
        var baseObject = item.BaseObject;
        if (baseObject is string or ValueType || DisplayProperties(item) is not { Count: > 0 })
        {
            Flush();
            Console.WriteLine(baseObject is IEnumerable e and not string ? string.Join(Environment.NewLine, e.Cast<object>()) : item.ToString());
            return;
        }
        var type = item.TypeNames.FirstOrDefault();
        if (type != _pendingType) { Flush(); _widths = null; }
        _pendingType = type;
        _pending.Add(item);
        if (_pending.Count >= RowsPerFlush) PrintPending();
    }

    /// <summary>Prints what is pending and ends the current table.</summary>
    public void Flush()
    {
        PrintPending();
        _widths = null;
        _pendingType = null;
    }

    void PrintPending()
    {
        if (_pending.Count == 0) return;
        var columns = DisplayProperties(_pending[0])!;
        var rows = _pending.Select(o => columns.Select(c => Format(o.Properties[c]?.Value)).ToArray()).ToList();
        if (_widths is null)
        {
            _widths = columns.Select((c, i) => Math.Min(60, Math.Max(c.Length, rows.Max(r => r[i].Length)))).ToArray();
            Console.WriteLine();
            Console.WriteLine(string.Join(' ', columns.Select((c, i) => c.PadRight(_widths[i]))).TrimEnd());
            Console.WriteLine(string.Join(' ', _widths.Select(w => new string('-', w))));
        }
        foreach (var r in rows)
            Console.WriteLine(string.Join(' ', r.Select((v, i) => Fit(v, _widths[i]).PadRight(_widths[i]))).TrimEnd());
        _pending.Clear();
    }

    static string Fit(string value, int width) => value.Length <= width ? value : "…" + value[^(width - 1)..];

    static List<string>? DisplayProperties(PSObject item)
    {
        if (item.Members["PSStandardMembers"]?.Value is PSMemberSet standard
            && standard.Members["DefaultDisplayPropertySet"]?.Value is PSPropertySet set)
            return set.ReferencedPropertyNames.ToList();
        return item.Properties.Where(p => p.IsGettable).Select(p => p.Name).Take(8).ToList();
    }

    static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####"),
        float f => f.ToString("0.####"),
        TimeSpan t => t.TotalSeconds.ToString("0.00") + "s",
        PSObject p => Format(p.BaseObject),
        _ => value.ToString() ?? "",
    };

    static void WriteProgress(ProgressRecord progress)
    {
        if (Console.IsErrorRedirected || progress.RecordType == ProgressRecordType.Completed) return;
        var percent = progress.PercentComplete >= 0 ? $" {progress.PercentComplete}%" : "";
        Console.Error.Write($"\r{progress.Activity}: {progress.StatusDescription}{percent}".PadRight(Math.Max(20, Console.WindowWidth - 1))[..Math.Max(20, Console.WindowWidth - 1)]);
    }

    static void WriteLine(TextWriter writer, string text, ConsoleColor color)
    {
        var redirected = writer == Console.Error ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        if (!redirected) Console.ForegroundColor = color;
        writer.WriteLine(text);
        if (!redirected) Console.ResetColor();
    }
}

using System.Text;

namespace ArtifactTools.Notebooks.Apps;

/// <summary>Standard output of an exported app: still printed, and also kept until <see cref="Take"/>, so a cell's
/// printed lines (training progress) land in its outputs as a "stream" output, where the kernel puts them.</summary>
internal sealed class ConsoleCapture(TextWriter console) : TextWriter
{
    readonly StringBuilder pending = new();

    /// <summary>The console itself, for text that is shown but not kept.</summary>
    public TextWriter Terminal => console;

    public override Encoding Encoding => console.Encoding;

    public override void Write(char value)
    {
        lock (pending) pending.Append(value);
        console.Write(value);
    }

    public override void Write(string? value)
    {
        lock (pending) pending.Append(value);
        console.Write(value);
    }

    public override void Flush() => console.Flush();

    /// <summary>What was printed since the last call.</summary>
    public string Take()
    {
        lock (pending)
        {
            var text = pending.ToString();
            pending.Clear();
            return text;
        }
    }
}

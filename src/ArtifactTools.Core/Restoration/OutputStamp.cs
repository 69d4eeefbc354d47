using System.Text;
using System.Text.RegularExpressions;
using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>
/// The mark every restored file carries (PNG text chunk, JPEG comment, TIFF description, WebP XMP): which source it
/// was restored from, with which model. It is what lets a re-run skip our own outputs as inputs and lets -Force
/// overwrite only files that are provably ours for the same source; every other existing file is left alone.
/// </summary>
public sealed partial record OutputStamp(string SourcePath, string Model)
{
    const string Token = "ArtifactTools-restored/1";

    // Comments sit near the start (JPEG) or the end (PNG, WebP, TIFF) of the file; reading both ends keeps the check
    // cheap for huge images. Larger metadata blocks than this before a JPEG comment do not occur in our own outputs.
    const int ScanBytes = 1 << 20;

    /// <summary>Formats whose files carry the stamp. BMP and JPEG 2000 outputs cannot, so they are never recognised
    /// as ours: an existing one is never overwritten.</summary>
    public static bool CanCarry(ImageFileFormat format) =>
        format is ImageFileFormat.Png or ImageFileFormat.Jpeg or ImageFileFormat.Tiff or ImageFileFormat.WebP;

    public string ToText() =>
        $"{Token} source={Uri.EscapeDataString(SourcePath)} model={Uri.EscapeDataString(Model)};";

    public static OutputStamp? Parse(string text)
    {
        var match = StampPattern().Match(text);
        return match.Success
            ? new OutputStamp(Uri.UnescapeDataString(match.Groups["source"].Value), Uri.UnescapeDataString(match.Groups["model"].Value))
            : null;
    }

    /// <summary>The stamp of a file, or null when it has none (not ours, or unreadable).</summary>
    public static OutputStamp? Read(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var head = ReadAt(file, 0, (int)Math.Min(file.Length, ScanBytes));
            if (Parse(head) is { } stamp) return stamp;
            return file.Length > ScanBytes ? Parse(ReadAt(file, file.Length - ScanBytes, ScanBytes)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static string ReadAt(FileStream file, long offset, int count)
    {
        var buffer = new byte[count];
        file.Position = offset;
        file.ReadExactly(buffer);
        return Encoding.Latin1.GetString(buffer); // escaped text is ASCII; Latin-1 maps every byte, so no decoding errors
    }

    [GeneratedRegex(@"ArtifactTools-restored/1 source=(?<source>[A-Za-z0-9%\-._~!*'()]+) model=(?<model>[A-Za-z0-9%\-._~!*'()]+);")]
    private static partial Regex StampPattern();
}

using System.Reflection;
using ArtifactTools.Notebooks.Kernel;

namespace ArtifactTools.Notebooks.Apps;

/// <summary>
/// Formats a displayed value the way the .NET Interactive kernel does for this library's types, by the same convention
/// and through the same formatter objects: the value's type carries a <see cref="TypeFormatterSourceAttribute"/>, whose
/// source creates formatters (<c>MimeType</c>, <c>Format(object, TextWriter)</c>), and the first formatter of a preferred
/// MIME type that accepts the value writes the output. A value without a formatter source is shown as text
/// (<c>ToString()</c>), where the kernel would also try its own HTML formatters.
/// </summary>
internal static class KernelFormatters
{
    public static CellOutput Format(object? value)
    {
        if (value?.GetType().GetCustomAttribute<TypeFormatterSourceAttribute>(inherit: true) is { } source)
        {
            var formatters = (IEnumerable<object>)Invoke(Activator.CreateInstance(source.FormatterSourceType, nonPublic: true)!, "CreateTypeFormatters");
            foreach (var formatter in formatters.OrderBy(f => Rank(source.PreferredMimeTypes, MimeType(f))))
            {
                using var writer = new StringWriter();
                if ((bool)Invoke(formatter, "Format", value, writer))
                    return Display(MimeType(formatter), writer.ToString());
            }
        }
        return Display("text/plain", value?.ToString() ?? "<null>");
    }

    static CellOutput Display(string mime, string content) => new("display_data", new Dictionary<string, string> { [mime] = content });

    static string MimeType(object formatter) => (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;

    static int Rank(string[] preferred, string mime) => Array.IndexOf(preferred, mime) is var i and >= 0 ? i : preferred.Length;

    static object Invoke(object target, string method, params object[] arguments) =>
        target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.Invoke(target, arguments)!;
}

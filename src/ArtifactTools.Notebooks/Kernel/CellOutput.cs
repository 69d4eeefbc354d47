using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks.Kernel;

/// <summary>One output of a code cell as the kernel saved it: its nbformat type ("display_data", "execute_result",
/// "stream", "error") and its content by MIME type ("text/html", "image/png", "text/plain"; a stream's or an
/// error's text under "text/plain").</summary>
public sealed record CellOutput(string Type, IReadOnlyDictionary<string, string> Data)
{
    public bool IsError => Type == "error";

    /// <summary>The richest form a viewer would show: HTML, else a PNG, else text.</summary>
    public (string Mime, string Content) Preferred =>
        Data.TryGetValue("text/html", out var html) ? ("text/html", html)
        : Data.TryGetValue("image/png", out var png) ? ("image/png", png)
        : ("text/plain", Data.GetValueOrDefault("text/plain", ""));
}

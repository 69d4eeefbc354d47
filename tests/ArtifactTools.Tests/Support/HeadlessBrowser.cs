using System.Diagnostics;

namespace ArtifactTools.Tests.Support;

/// <summary>Debian's Chromium, headless: renders a local HTML file, runs its scripts and returns the resulting DOM.</summary>
public static class HeadlessBrowser
{
    public static string? Path { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static async Task<string> RenderAsync(string htmlFile)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed."))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000", "--dump-dom", new Uri(htmlFile).AbsoluteUri })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync(); // D-Bus noise of a machine without a desktop
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return await dom;
    }
}

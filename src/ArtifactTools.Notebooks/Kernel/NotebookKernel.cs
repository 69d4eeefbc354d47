using System.Diagnostics;

namespace ArtifactTools.Notebooks.Kernel;

/// <summary>How one run of a notebook in the kernel went: the notebook with its outputs, the wall time, and what the
/// kernel host printed (its exit code is not a verdict: a failing cell shows up as an error output).</summary>
public sealed record KernelRun(string OutputNotebookPath, TimeSpan Elapsed, int ExitCode, string Log)
{
    public ExecutedNotebook Load() => ExecutedNotebook.Load(OutputNotebookPath);
}

/// <summary>
/// Runs a notebook top to bottom in the real .NET Interactive C# kernel, hosted by dotnet-repl, both local dotnet tools
/// of this repository (.config/dotnet-tools.json; <c>dotnet tool restore</c> installs them), and saves the notebook with
/// its outputs, as Jupyter or VS Code would after "Run All".
/// </summary>
public static class NotebookKernel
{
    /// <summary>Installs the repository's local tools (the kernel host); quick when they are already there.</summary>
    public static async Task RestoreToolsAsync(CancellationToken cancellationToken = default)
    {
        var (exitCode, log) = await RunDotnetAsync(NotebookData.RepositoryRoot, ["tool", "restore"], null, TimeSpan.FromMinutes(5), cancellationToken);
        if (exitCode != 0) throw new InvalidOperationException("dotnet tool restore failed:\n" + log);
    }

    /// <param name="notebook">The .ipynb to run.</param>
    /// <param name="outputNotebook">Where the notebook with its outputs goes.</param>
    /// <param name="workingDirectory">Where the kernel starts: the notebook's folder (as Jupyter and VS Code start it) or
    /// anywhere in the repository (the notebooks' first cell moves to the repository root).</param>
    /// <param name="budget">ARTIFACTTOOLS_NOTEBOOK_BUDGET for the run (tiny, small, paper), or null for the notebook's own switch.</param>
    public static async Task<KernelRun> RunAsync(string notebook, string outputNotebook, string workingDirectory, string? budget,
                                                 TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var output = Path.GetFullPath(outputNotebook);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.Delete(output);
        var clock = Stopwatch.StartNew();
        var (exitCode, log) = await RunDotnetAsync(workingDirectory,
            ["tool", "run", "dotnet-repl", "--run", Path.GetFullPath(notebook), "--exit-after-run", "--output-format", "ipynb", "--output-path", output],
            budget, timeout, cancellationToken);
        if (!File.Exists(output))
            throw new InvalidOperationException($"The kernel wrote no output notebook for {notebook} (exit code {exitCode}):\n{log}");
        return new KernelRun(output, clock.Elapsed, exitCode, log);
    }

    static async Task<(int ExitCode, string Log)> RunDotnetAsync(string workingDirectory, IEnumerable<string> arguments, string? budget,
                                                                 TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (budget is not null) start.Environment[NotebookSettings.BudgetVariable] = budget;
        else start.Environment.Remove(NotebookSettings.BudgetVariable);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close(); // no one types: CI has no terminal
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}

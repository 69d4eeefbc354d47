using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ArtifactTools.Host;

// artifacttools -Command "<script>" | -File <script.ps1> [args...]
// Runs PowerShell with ArtifactTools imported, for machines without pwsh. Exit code 1 when any error was written.
var invocation = HostArguments.Parse(args);
if (invocation is null)
{
    Console.Error.WriteLine(HostArguments.Usage);
    return 2;
}

var manifest = ModuleLocator.FindManifest();
if (manifest is null)
{
    Console.Error.WriteLine("ArtifactTools.psd1 not found. Build the solution first (dotnet build -c Release) or set ARTIFACTTOOLS_MODULE.");
    return 2;
}

var state = InitialSessionState.CreateDefault2();
state.ImportPSModule(manifest);
using var runspace = RunspaceFactory.CreateRunspace(state);
runspace.Open();
runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(Environment.CurrentDirectory));
using var shell = PowerShell.Create(runspace);
if (invocation.ScriptFile is not null)
{
    // Like pwsh -File: "-Name" tokens are parameter names, everything else a literal value (quoted, never evaluated).
    var arguments = invocation.ScriptArguments.Select(a =>
        a.Length > 1 && a[0] == '-' && char.IsLetter(a[1]) ? a : "'" + a.Replace("'", "''") + "'");
    shell.AddScript($"& '{Path.GetFullPath(invocation.ScriptFile).Replace("'", "''")}' {string.Join(' ', arguments)}");
}
else
{
    shell.AddScript(invocation.Command!);
}

var console = new ConsoleStreams(shell.Streams);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; shell.BeginStop(null, null); };
var output = new PSDataCollection<PSObject>();
output.DataAdded += (_, e) => console.WriteOutput(output[e.Index]);
try
{
    shell.Invoke(null, output);
}
catch (PipelineStoppedException)
{
    console.Flush();
    Console.Error.WriteLine("Stopped.");
    return 130;
}
catch (RuntimeException ex)
{
    console.WriteError(ex.ErrorRecord);
}
console.Flush();
return console.ErrorCount > 0 || shell.HadErrors ? 1 : 0;

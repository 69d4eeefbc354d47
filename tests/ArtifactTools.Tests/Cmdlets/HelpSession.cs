namespace ArtifactTools.Tests.Cmdlets;

/// <summary>One imported module for all help checks (they only read).</summary>
public sealed class HelpSession : IDisposable
{
    public ModuleSession Session { get; } = new();
    public void Dispose() => Session.Dispose();
}

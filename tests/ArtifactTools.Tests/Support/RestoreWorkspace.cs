namespace ArtifactTools.Tests.Support;

/// <summary>What a cmdlet restore test starts from: a fresh temp folder holding a tiny model (<see cref="Model"/>,
/// "tiny.safetensors", see <see cref="RestoreFixtures.SaveModel"/>), and module sessions that know it as <c>$model</c>.
/// Deleted on dispose.</summary>
public sealed class RestoreWorkspace : IDisposable
{
    readonly TempDirectory _dir = new();

    /// <param name="degradation">What the model says it was trained for.</param>
    public RestoreWorkspace(string degradation = "jpeg:20") => Model = RestoreFixtures.SaveModel(_dir.File("tiny.safetensors"), degradation);

    /// <summary>The model file.</summary>
    public string Model { get; }
    public string Path => _dir.Path;

    public string File(string name) => _dir.File(name);
    public string Sub(string name) => _dir.Sub(name);

    /// <summary>A module session working in <paramref name="workingDirectory"/> (default: the folder), with
    /// <c>$model</c> set to <see cref="Model"/>.</summary>
    public ModuleSession OpenSession(string? workingDirectory = null) =>
        new(workingDirectory ?? Path, new Dictionary<string, object?> { ["model"] = Model });

    public void Dispose() => _dir.Dispose();
}

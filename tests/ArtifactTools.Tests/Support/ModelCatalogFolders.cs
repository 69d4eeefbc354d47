using ArtifactTools.Models;

namespace ArtifactTools.Tests.Support;

/// <summary>A temp folder whose "shipped" and "user" subfolders the model catalog reads instead of the real ones, through
/// its environment variables (process-wide: a test using it belongs in the catalog's collection,
/// <c>ModelCatalogEnvironment</c>), and an "in" folder for inputs. Dispose puts the variables back and deletes the folder.</summary>
public sealed class ModelCatalogFolders : IDisposable
{
    readonly TempDirectory _dir = new();
    readonly string? _shippedBefore = Environment.GetEnvironmentVariable(ModelCatalog.ShippedPathVariable);
    readonly string? _userBefore = Environment.GetEnvironmentVariable(ModelCatalog.ModelPathVariable);

    public ModelCatalogFolders()
    {
        (Shipped, User, Inputs) = (_dir.Sub("shipped"), _dir.Sub("user"), _dir.Sub("in"));
        Environment.SetEnvironmentVariable(ModelCatalog.ShippedPathVariable, Shipped);
        Environment.SetEnvironmentVariable(ModelCatalog.ModelPathVariable, User);
    }

    public string Shipped { get; }
    public string User { get; }
    public string Inputs { get; }

    /// <summary>The path of input <paramref name="name"/>.</summary>
    public string Input(string name) => Path.Combine(Inputs, name);

    /// <summary>A tiny shipped luma model <paramref name="name"/> (<see cref="RestoreFixtures.SaveModel"/>).</summary>
    public string Ship(string name, string degradation) => RestoreFixtures.SaveModel(Path.Combine(Shipped, name + ".safetensors"), degradation);

    /// <summary>A small shipped colour model <paramref name="name"/> (<see cref="RestoreFixtures.SaveColorModel"/>).</summary>
    public string ShipColor(string name, string degradation) => RestoreFixtures.SaveColorModel(Path.Combine(Shipped, name + ".safetensors"), degradation);

    /// <summary>A tiny user model <paramref name="name"/>.</summary>
    public string AddUserModel(string name, string degradation) => RestoreFixtures.SaveModel(Path.Combine(User, name + ".safetensors"), degradation);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ModelCatalog.ShippedPathVariable, _shippedBefore);
        Environment.SetEnvironmentVariable(ModelCatalog.ModelPathVariable, _userBefore);
        _dir.Dispose();
    }
}

using TorchSharp;

namespace ArtifactTools.Runtime;

/// <summary>Maps the user's -Device choice (auto, cpu, cuda, cuda:N) to a torch device.</summary>
public static class DeviceSelection
{
    public static torch.Device Resolve(string? choice)
    {
        TorchRuntime.EnsureLoaded();
        var name = string.IsNullOrWhiteSpace(choice) ? "auto" : choice.Trim().ToLowerInvariant();
        if (name == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (name.StartsWith("cuda") && !torch.cuda.is_available())
            throw new NotSupportedException("CUDA was requested but is not available: this build uses the CPU libtorch (build with -p:TorchBackend=cuda on a machine with the CUDA packages).");
        return name switch
        {
            "cpu" => torch.CPU,
            _ when name.StartsWith("cuda") => torch.device(name),
            _ => throw new ArgumentException($"Unknown device '{choice}': use auto, cpu or cuda."),
        };
    }
}

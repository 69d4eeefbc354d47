using static TorchSharp.torch;

namespace ArtifactTools.Runtime;

/// <summary>Turns a <see cref="DeviceChoice"/> into a torch device, for restoring and training alike.</summary>
public static class ComputeDevice
{
    /// <exception cref="InvalidOperationException">CUDA was asked for and libtorch sees no GPU.</exception>
    public static Device Resolve(DeviceChoice choice)
    {
        TorchRuntime.EnsureLoaded();
        return choice switch
        {
            DeviceChoice.Cpu => CPU,
            DeviceChoice.Cuda => cuda.is_available() ? CUDA
                : throw new InvalidOperationException("CUDA was requested but no CUDA device is available (this build uses the CPU libtorch unless built with -p:TorchBackend=cuda)."),
            _ => cuda.is_available() ? CUDA : CPU,
        };
    }
}

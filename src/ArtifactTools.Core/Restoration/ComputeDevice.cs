using static TorchSharp.torch;

namespace ArtifactTools.Restoration;

public enum DeviceChoice { Auto, Cpu, Cuda }

/// <summary>Turns the user's -Device choice into a torch device: Auto takes CUDA when libtorch sees a GPU.</summary>
public static class ComputeDevice
{
    public static Device Resolve(DeviceChoice choice) => choice switch
    {
        DeviceChoice.Cpu => CPU,
        DeviceChoice.Cuda => cuda.is_available() ? CUDA
            : throw new InvalidOperationException("CUDA was requested but no CUDA device is available (this build uses the CPU libtorch unless built with -p:TorchBackend=cuda)."),
        _ => cuda.is_available() ? CUDA : CPU,
    };
}

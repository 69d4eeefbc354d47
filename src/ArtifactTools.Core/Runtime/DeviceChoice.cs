namespace ArtifactTools.Runtime;

/// <summary>The user's -Device choice: Auto takes CUDA when libtorch sees a GPU.</summary>
public enum DeviceChoice { Auto, Cpu, Cuda }

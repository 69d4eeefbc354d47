namespace ArtifactTools.Restoration;

/// <summary>The arithmetic a restore runs in.</summary>
public enum InferencePrecision
{
    /// <summary>bfloat16 where this machine measured it faster than float32 and as exact (<see cref="InferenceCalibration"/>), else float32.</summary>
    Auto,
    /// <summary>float32 throughout: the reference.</summary>
    Float32,
    /// <summary>bfloat16 for the inner layers (CPUs with AVX-512 BF16 or AMX, recent GPUs); the first and last layers and the residual sum stay float32.</summary>
    BFloat16,
}

using ArtifactTools.Imaging;

namespace ArtifactTools.Restoration;

/// <summary>How a luma plane relates to the JPEG's luminance samples.</summary>
public enum LumaScale
{
    /// <summary>The plane holds the JPEG's samples (a gray JPEG's channel).</summary>
    JpegSamples,
    /// <summary>The plane holds MATLAB's studio-range Y (16..235) of the decoded RGB, as the Restorer restores it.</summary>
    StudioRange,
}

/// <summary>Blocks whose coefficients were clipped, blocks left alone because their coefficients could not be
/// recovered from the decoded pixels, and full blocks in all.</summary>
public readonly record struct ProjectionResult(int BlocksChanged, int BlocksUntrusted, int Blocks);

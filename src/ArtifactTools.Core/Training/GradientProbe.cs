using ArtifactTools.Networks;

namespace ArtifactTools.Training;

/// <summary>
/// The gradient check (<see cref="GradientCheck"/>) over one network of each family the papers use: a plain chain
/// ending in a 16->1 layer (AR-CNN), a strided hourglass with a deconvolution (Fast AR-CNN), and residual networks with
/// ReLU and skip concatenations (L4, L8). Run by ArtifactTools.KernelProbe under each candidate oneDNN cap.
/// </summary>
public static class GradientProbe
{
    public static IReadOnlyList<string> Families { get; } = ["ARCNN", "FastARCNN", "L4", "L8"];

    /// <summary>True when every family's float32 weight gradients agree with float64's; writes one line per family checked.</summary>
    public static bool AllFamiliesExact(TextWriter report)
    {
        foreach (var name in Families)
        {
            using var network = NetworkRegistry.Create(name);
            Initializers.He(network, Initializers.Seeded(5));   // every layer's gradient sizeable, as in the tests
            bool exact = GradientCheck.CpuBackwardIsExact(network, channels: 1, batch: 2, patch: 48);
            report.WriteLine($"{name}: {(exact ? "exact" : "wrong")}");
            if (!exact) return false; // one wrong family decides; the next cap is tried
        }
        return true;
    }
}

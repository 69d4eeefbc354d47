using ArtifactTools.Imaging;

namespace ArtifactTools.Metrics;

static class MetricGuard
{
    public static void SameSize(Plane reference, Plane test)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        if (!reference.SameSizeAs(test))
            throw new ArgumentException(
                $"The images differ in size: the reference is {reference.Width}x{reference.Height}, the test image {test.Width}x{test.Height}.");
    }
}

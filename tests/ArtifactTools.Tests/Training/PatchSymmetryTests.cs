using ArtifactTools.Degradation;
using ArtifactTools.Training;

namespace ArtifactTools.Tests.Training;

public sealed class PatchSymmetryTests : IDisposable
{
    readonly TempDirectory _temp = new();

    static float[] Numbered(int channels, int size) => Enumerable.Range(0, channels * size * size).Select(i => (float)i).ToArray();

    static float[] Turned(float[] patch, int channels, int size, int symmetry)
    {
        var copy = (float[])patch.Clone();
        PatchSymmetry.Apply(copy, channels, size, symmetry, new float[size * size]);
        return copy;
    }

    [Fact]
    public void The_eight_symmetries_are_distinct_rearrangements_of_each_channel()
    {
        var patch = Numbered(2, 4);
        var turned = Enumerable.Range(0, PatchSymmetry.Count).Select(s => Turned(patch, 2, 4, s)).ToList();

        Assert.Equal(patch, turned[0]);
        Assert.Equal(8, turned.Select(t => string.Join(',', t)).Distinct().Count());
        foreach (var t in turned)
        {
            Assert.Equal(patch.Take(16).Order(), t.Take(16).Order()); // each channel keeps its own values
            Assert.Equal(patch.Skip(16).Order(), t.Skip(16).Order());
        }
    }

    [Fact]
    public void Mirror_and_transpose_move_pixels_where_expected()
    {
        var patch = Numbered(1, 3); // rows 0 1 2 / 3 4 5 / 6 7 8
        Assert.Equal([2f, 1, 0, 5, 4, 3, 8, 7, 6], Turned(patch, 1, 3, 1));
        Assert.Equal([6f, 7, 8, 3, 4, 5, 0, 1, 2], Turned(patch, 1, 3, 2));
        Assert.Equal([0f, 3, 6, 1, 4, 7, 2, 5, 8], Turned(patch, 1, 3, 4));
        Assert.Equal([8f, 7, 6, 5, 4, 3, 2, 1, 0], Turned(patch, 1, 3, 3)); // both mirrors: a half turn
    }

    [Fact]
    public void Oriented_sampling_turns_clean_and_degraded_patches_alike()
    {
        var photo = Path.Combine(RepositoryPaths.Data, "photos", "flower.png");
        using var pairs = ColorPairs.Open([photo], new JpegDegradation(10, 10), TrainingRecipes.Chroma, 1, _temp.Sub("cache"), 32);
        const int size = 32, channels = 3;
        int found = 0;
        for (int seed = 0; seed < 12; seed++)
        {
            var (plainDegraded, plainClean, degraded, clean) = (new float[channels * size * size], new float[channels * size * size], new float[channels * size * size], new float[channels * size * size]);
            pairs.SampleBatch(new Random(seed), 1, size, plainDegraded, plainClean);
            pairs.SampleBatch(new Random(seed), 1, size, degraded, clean, orientations: true);

            var matches = Enumerable.Range(0, PatchSymmetry.Count).Where(s =>
                Turned(plainClean, channels, size, s).SequenceEqual(clean) && Turned(plainDegraded, channels, size, s).SequenceEqual(degraded)).ToList();
            Assert.NotEmpty(matches);
            found |= 1 << matches[0];
        }
        Assert.True(System.Numerics.BitOperations.PopCount((uint)found) >= 4, $"orientations drawn: {Convert.ToString(found, 2)}");
    }

    public void Dispose() => _temp.Dispose();
}

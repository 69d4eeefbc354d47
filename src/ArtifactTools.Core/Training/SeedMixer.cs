namespace ArtifactTools.Training;

/// <summary>Derives independent, reproducible seeds (SplitMix64). HashCode.Combine is randomised per process, so it
/// would break resume-equals-uninterrupted and reproducible data preparation.</summary>
public static class SeedMixer
{
    public static int Mix(int seed, int a, int b = 0)
    {
        ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)a << 32 ^ (uint)b;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}

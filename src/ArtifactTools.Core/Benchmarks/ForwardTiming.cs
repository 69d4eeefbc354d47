namespace ArtifactTools.Benchmarks;

/// <summary>One timed forward pass of a bare network (no decode, tiling or encode).</summary>
public sealed record ForwardTiming(string Network, int Width, int Height, int Threads, TimeSpan Best, double MegapixelsPerSecond);

namespace ArtifactTools.Runtime;

/// <summary>The measured choice for training on one machine: the fastest oneDNN cap whose backward kernels gave every
/// probed network float64's gradients (null: no cap), with what each probe found.</summary>
public sealed record TrainingIsaVerdict(string? Cap, string Cpu, string Isa, string TorchBuild, IReadOnlyList<IsaProbe> Probes, DateTime MeasuredUtc);

namespace ArtifactTools.Networks;

/// <summary>What a network is: its name, spec, family and paper, and its size (weights by Eq. 9; all parameters).</summary>
public sealed record NetworkInfo(
    string Name, string Spec, string Family, string Paper, long Weights, long Parameters, bool IsResidual, string Description)
{
    public override string ToString() => $"{Name} {Spec}";
}

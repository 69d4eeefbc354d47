using System.Text.Json.Nodes;

namespace ArtifactTools.Notebooks;

/// <summary>A labelled point of a trade-off plot, e.g. one network's seconds per image (x) and PSNR (y).</summary>
public sealed record LabelledPoint(string Label, double X, double Y);

namespace ArtifactTools.Networks;

/// <summary>The non-linearity after every hidden layer: ReLU (SRCNN, L4/L8) or per-channel PReLU (AR-CNN family).</summary>
public enum Activation { PReLU, ReLU }

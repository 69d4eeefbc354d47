namespace ArtifactTools.Training;

public enum LossKind { Mse, SobelEdge, MultiScale }

namespace ArtifactTools.Training;

public enum OptimizerKind { Sgd, Adam }

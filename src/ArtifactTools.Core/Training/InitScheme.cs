namespace ArtifactTools.Training;

public enum InitScheme { Gaussian, XavierZeroMean, He, UniformFanIn }

namespace ArtifactTools.Degradation;

public enum DegradedImageStatus { Written, Skipped }

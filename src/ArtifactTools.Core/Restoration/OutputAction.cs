namespace ArtifactTools.Restoration;

public enum OutputAction { Write, Skip, Fail }

namespace ArtifactTools.Restoration;

public enum RestoreStatus { Restored, Skipped }

namespace ArtifactTools.Training;

/// <summary>How the per-sample squared error is normalised. Caffe's EuclideanLoss (sum over pixels / 2N) is what
/// the papers' learning rates were tuned for; the per-pixel mean suits Adam and is the modern default.</summary>
public enum LossNormalization { PixelMean, CaffeEuclidean }

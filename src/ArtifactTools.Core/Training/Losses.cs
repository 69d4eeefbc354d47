using ArtifactTools.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Training;

/// <summary>The papers' objectives. Each returns a scalar tensor to minimise.</summary>
public static class Losses
{
    /// <summary>Squared error normalised per pixel (mean) or as Caffe's EuclideanLoss (sum / 2N).</summary>
    public static Tensor SquaredError(Tensor output, Tensor target, LossNormalization normalization) => normalization switch
    {
        LossNormalization.CaffeEuclidean => (output - target).square().sum() / (2.0 * output.shape[0]),
        _ => nn.functional.mse_loss(output, target),
    };

    /// <summary>Paper 002, Eq. 3: squared error plus the squared error of horizontal and vertical Sobel derivatives.</summary>
    public static Tensor SobelEdge(Tensor output, Tensor target, LossNormalization normalization, double weight)
    {
        using var kernels = SobelKernels(output);
        int channels = (int)output.shape[1];
        var weights = kernels.repeat(channels, 1, 1, 1);
        using var outputEdges = nn.functional.conv2d(output, weights, groups: channels);
        using var targetEdges = nn.functional.conv2d(target, weights, groups: channels);
        return SquaredError(output, target, normalization) + weight * SquaredError(outputEdges, targetEdges, normalization);
    }

    /// <summary>Paper 003: equal-weight MSE of the full output and the side outputs against average-pooled references
    /// (1/4, 1/16, 1/64 of the pixels).</summary>
    public static Tensor MultiScale(IReadOnlyList<Tensor> outputs, Tensor target, LossNormalization normalization)
    {
        var total = SquaredError(outputs[0], target, normalization);
        for (int i = 1; i < outputs.Count; i++)
        {
            int factor = (int)(target.shape[2] / outputs[i].shape[2]);
            using var reference = nn.functional.avg_pool2d(target, factor, factor);
            total = total + SquaredError(outputs[i], reference, normalization);
        }
        return total;
    }

    /// <summary>The loss of a recipe for one batch; <paramref name="outputLossOnly"/> is CAS-CNN's fine-tuning phase.</summary>
    public static Tensor For(TrainingRecipe recipe, RestorationNetwork network, Tensor input, Tensor target, bool outputLossOnly)
    {
        switch (recipe.Loss)
        {
            case LossKind.MultiScale when !outputLossOnly:
                return MultiScale(network.ForwardWithSideOutputs(input), target, recipe.Normalization);
            case LossKind.SobelEdge:
                return SobelEdge(network.forward(input), target, recipe.Normalization, recipe.SobelWeight);
            default:
                return SquaredError(network.forward(input), target, recipe.Normalization);
        }
    }

    static Tensor SobelKernels(Tensor like)
    {
        float[] gx = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
        float[] gy = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
        return tensor(gx.Concat(gy).ToArray(), [2, 1, 3, 3], dtype: like.dtype, device: like.device);
    }
}

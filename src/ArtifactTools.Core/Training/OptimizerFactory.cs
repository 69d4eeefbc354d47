using ArtifactTools.Networks;
using TorchSharp;
using TorchSharp.Modules;

namespace ArtifactTools.Training;

/// <summary>
/// Builds a recipe's optimizer with two parameter groups: every trainable parameter but the last layer's, then the last
/// layer's, whose learning rate the papers set lower (AR-CNN, L4/L8: one tenth). Each group's InitialLearningRate holds
/// its own base rate, which the schedule then scales (<see cref="Trainer"/>).
/// </summary>
public static class OptimizerFactory
{
    public static torch.optim.Optimizer Create(TrainingRecipe recipe, RestorationNetwork network)
    {
        var last = network.Layers[^1];
        var lastParams = new HashSet<IntPtr>(new[] { last.Weight, last.Bias }.Where(t => t is not null).Select(t => t!.Handle));
        var trainable = network.parameters().Where(p => p.requires_grad).ToList();
        var groups = new List<(List<Parameter> Parameters, double LearningRate)>
        {
            (trainable.Where(p => !lastParams.Contains(p.Handle)).ToList(), recipe.LearningRate),
            (trainable.Where(p => lastParams.Contains(p.Handle)).ToList(), recipe.LearningRate * recipe.LastLayerLearningRateFactor),
        };
        groups.RemoveAll(g => g.Parameters.Count == 0); // frozen transferred layers leave a group empty

        torch.optim.Optimizer optimizer = recipe.Optimizer == OptimizerKind.Sgd
            ? torch.optim.SGD(groups.Select(g => new SGD.ParamGroup(g.Parameters, lr: g.LearningRate, momentum: recipe.Momentum,
                weight_decay: recipe.WeightDecay)).ToList(), recipe.LearningRate, recipe.Momentum)
            : torch.optim.Adam(groups.Select(g => new Adam.ParamGroup(g.Parameters, lr: g.LearningRate,
                weight_decay: recipe.WeightDecay)).ToList(), recipe.LearningRate);
        foreach (var group in ParamGroups(optimizer)) group.InitialLearningRate = group.LearningRate;
        return optimizer;
    }

    /// <summary>Sets every group's rate to its initial rate times <paramref name="factor"/>.</summary>
    public static void ScaleLearningRates(torch.optim.Optimizer optimizer, double factor)
    {
        foreach (var group in ParamGroups(optimizer)) group.LearningRate = group.InitialLearningRate * factor;
    }

    static IEnumerable<ParamGroup> ParamGroups(torch.optim.Optimizer optimizer) => optimizer.ParamGroups.Cast<ParamGroup>();
}

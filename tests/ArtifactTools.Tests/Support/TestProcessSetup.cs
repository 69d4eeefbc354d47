using System.Runtime.CompilerServices;
using ArtifactTools.Notebooks;

namespace ArtifactTools.Tests.Support;

static class TestProcessSetup
{
    /// <summary>This process trains and restores side by side, like a notebook session.</summary>
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void SetUpForTraining() => TrainingSessionSetup.Apply();
#pragma warning restore CA2255
}

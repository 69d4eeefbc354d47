namespace ArtifactTools.Tests.Cmdlets;

[CollectionDefinition(nameof(ModelCatalogEnvironment), DisableParallelization = true)]
public sealed class ModelCatalogEnvironment;

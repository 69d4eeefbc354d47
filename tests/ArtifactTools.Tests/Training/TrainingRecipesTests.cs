using ArtifactTools.Networks;
using ArtifactTools.Training;

namespace ArtifactTools.Tests.Training;

public class TrainingRecipesTests
{
    const string L4Spec = "48(11)-64(3)-64(3)-1(5)-relu-r";
    const string L8Spec = "32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r";

    /// <summary>"paper" follows the registry's spelling rules and spec matching; it once matched upper-cased raw names
    /// and gave CAS-CNN, CASCNN-Residual and the L4/L8 spec strings the AR-CNN recipe.</summary>
    [Theory]
    [InlineData("cascnn-paper", "CAS-CNN", "cascnn", "CASCNN-Residual")]
    [InlineData("l4-paper", "l4", L4Spec, " 48(11)-64(3)-64(3)-1(5)-R-ReLU ")]
    [InlineData("l8-paper", "L8", L8Spec)]
    [InlineData("arcnn-paper", "AR-CNN", "SRCNN", "64(9)-32(1)-32(7)x2-64(1)-1[9]-s2")]
    public void Paper_recipe_is_the_architectures_own_papers(string recipe, params string[] architectures)
    {
        foreach (var architecture in architectures)
        {
            Assert.Equal(recipe, TrainingRecipes.Resolve("paper", architecture).Name);
            Assert.Equal(recipe, TrainingRecipes.Resolve("PAPER", architecture).Name);
        }
    }

    [Fact]
    public void Named_recipes_ignore_the_architecture_and_unknown_names_are_refused()
    {
        Assert.Same(TrainingRecipes.Fast, TrainingRecipes.Resolve("fast", "CAS-CNN"));
        Assert.Same(TrainingRecipes.L8Paper, TrainingRecipes.Resolve("L8-Paper", "ARCNN"));
        Assert.Contains("Unknown recipe", Assert.Throws<ArgumentException>(() => TrainingRecipes.Resolve("slow", "ARCNN")).Message);
        Assert.Contains("No network named", Assert.Throws<ArgumentException>(() => TrainingRecipes.Resolve("paper", "VGG")).Message);
        Assert.Throws<FormatException>(() => TrainingRecipes.Resolve("paper", "64(9)-oops"));
    }

    [Fact]
    public void Registry_specs_are_what_the_networks_build()
    {
        Assert.Equal(L4Spec, NetworkRegistry.Describe("L4").Spec);
        Assert.Equal(L8Spec, NetworkRegistry.Describe("L8").Spec);
        Assert.Same(NetworkRegistry.PaperRecipeFor("L8"), NetworkRegistry.PaperRecipeFor(L8Spec));
    }
}

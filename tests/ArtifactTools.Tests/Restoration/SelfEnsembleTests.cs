using ArtifactTools.Restoration;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Restoration;

public sealed class SelfEnsembleTests
{
    static Tensor Image(int height, int width, int seed = 1)
    {
        manual_seed(seed);
        return rand(2, 1, height, width) * 255;
    }

    /// <summary>A small untrained network: its outputs change with the input's orientation, as a trained one's do.</summary>
    static Restorer Asymmetric() => RestorerTestNetworks.Untrained("8(5)-1(3)", seed: 4);

    [Fact]
    public void Each_transform_is_undone_by_its_inverse_and_the_eight_differ()
    {
        using var image = Image(5, 7);
        var seen = new List<Tensor>();
        for (int t = 0; t < SelfEnsemble.Transforms; t++)
        {
            var transformed = SelfEnsemble.Apply(image, t);
            Assert.True(SelfEnsemble.Undo(transformed, t).equal(image).all().item<bool>(), $"transform {t}");
            // Compare in one orientation: all 8 images must be distinct (no transform repeated or missing).
            var square = SelfEnsemble.Apply(Image(6, 6, seed: 2), t);
            Assert.DoesNotContain(seen, s => s.equal(square).all().item<bool>());
            seen.Add(square);
        }
    }

    [Fact]
    public void Ensemble_of_the_identity_is_the_identity()
    {
        using var identity = nn.Identity();
        using var image = Image(9, 13);
        using var output = SelfEnsemble.Forward(identity, image);
        Assert.Equal(image.shape, output.shape);
        Assert.True(output.allclose(image, rtol: 0, atol: 1e-4), "identity ensemble changed the image");
    }

    [Fact]
    public void Ensemble_output_is_equivariant_to_flips_and_turns_and_differs_from_one_pass()
    {
        using var restorer = Asymmetric();
        var network = restorer.Model.Network;
        using var _ = inference_mode();
        using var image = Image(11, 16);
        var ensembled = SelfEnsemble.Forward(network, image);
        foreach (int t in new[] { 1, 4, 6 })
        {
            var ofTransformed = SelfEnsemble.Forward(network, SelfEnsemble.Apply(image, t));
            Assert.True(ofTransformed.allclose(SelfEnsemble.Apply(ensembled, t), rtol: 0, atol: 1e-3), $"transform {t}");
        }
        var single = network.forward(image);
        Assert.True((single - ensembled).abs().max().item<float>() > 0.01f, "an asymmetric network's ensemble must differ from its single pass");
    }

    [Fact]
    public void The_transpose_transform_swaps_rows_and_columns()
    {
        using var image = Image(5, 7);
        Assert.True(SelfEnsemble.Apply(image, SelfEnsemble.Transpose).equal(image.transpose(-2, -1)).all().item<bool>());
    }

    [Fact]
    public void Two_orientations_average_the_image_and_its_transpose_and_one_is_the_plain_pass()
    {
        using var restorer = Asymmetric();
        var network = restorer.Model.Network;
        using var _ = inference_mode();
        using var image = Image(11, 16);

        var pair = SelfEnsemble.Forward(network, image, 2);
        var byHand = (network.forward(image) + network.forward(image.transpose(-2, -1)).transpose(-2, -1)) / 2;
        Assert.True(pair.allclose(byHand, rtol: 0, atol: 1e-3), "the pair is not the mean of the image's and its transpose's outputs");
        Assert.True(SelfEnsemble.Forward(network, image.transpose(-2, -1), 2).allclose(pair.transpose(-2, -1), rtol: 0, atol: 1e-3),
            "the pair's output is not transpose-equivariant");

        Assert.True(SelfEnsemble.Forward(network, image, 1).equal(network.forward(image)).all().item<bool>(), "1 orientation is not the plain pass");
        Assert.True((pair - network.forward(image)).abs().max().item<float>() > 0.01f, "an asymmetric network's pair must differ from its single pass");
        Assert.True(SelfEnsemble.Forward(network, image, 8).equal(SelfEnsemble.Forward(network, image)).all().item<bool>());
    }

    [Fact]
    public void Partial_ensembles_average_the_first_orientations_of_the_preference_order()
    {
        var order = SelfEnsemble.PreferenceOrder.ToArray();
        Assert.Equal(Enumerable.Range(0, SelfEnsemble.Transforms), order.Order());
        Assert.Equal([0, SelfEnsemble.Transpose], order[..2]);

        using var restorer = Asymmetric();
        var network = restorer.Model.Network;
        using var _ = inference_mode();
        using var image = Image(10, 13);
        foreach (int n in new[] { 3, 5 })
        {
            var byHand = stack(order[..n].Select(t => SelfEnsemble.Undo(network.forward(SelfEnsemble.Apply(image, t)), t))).mean([0]);
            Assert.True(SelfEnsemble.Forward(network, image, n).allclose(byHand, rtol: 0, atol: 1e-3), $"{n} orientations");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Orientation_counts_outside_one_to_eight_are_refused(int orientations)
    {
        using var identity = nn.Identity();
        using var image = Image(4, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => SelfEnsemble.Forward(identity, image, orientations));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestoreOptions { ChromaOrientations = orientations }.Validate());
    }

    [Fact]
    public void Tiled_ensemble_equals_whole_image_ensemble()
    {
        using var restorer = RestorerTestNetworks.Untrained("ARCNN", seed: 2);
        var y = SyntheticImages.Pattern(90, 70);
        var whole = restorer.RestoreLuma(y, new RestoreOptions { TileSize = 4096, Ensemble = true });
        var tiled = restorer.RestoreLuma(y, new RestoreOptions { TileSize = 32, Ensemble = true });
        var single = restorer.RestoreLuma(y, new RestoreOptions { TileSize = 4096 });
        Assert.True(SyntheticImages.MaxAbsDifference(whole, tiled) <= 1e-3f * 255, $"max diff {SyntheticImages.MaxAbsDifference(whole, tiled)}");
        Assert.True(SyntheticImages.MaxAbsDifference(whole, single) > 0.01f);
    }
}

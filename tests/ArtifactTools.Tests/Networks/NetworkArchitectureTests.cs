using ArtifactTools.Networks;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Networks;

public class NetworkArchitectureTests
{
    // DESIGN.md's table: weights only (Eq. 9). Parameters add biases (one per filter) and PReLU slopes (one per channel).
    [Theory]
    [InlineData("SRCNN", 8_032, 8_032 + 64 + 32 + 1)]
    [InlineData("DeeperSRCNN", 8_144, 8_144 + 64 + 32 + 16 + 1)]
    [InlineData("ARCNN", 106_448, 106_448 + 2 * (64 + 32 + 16) + 1)]
    [InlineData("DeeperARCNN", 110_800, 110_800 + 2 * (64 + 32 + 16 + 16) + 1)]
    [InlineData("ARCNN-Decomposed", 5_184 + 2_048 + 50_176 + 512 + 400, 58_320 + 2 * (64 + 32 + 32 + 16) + 1)]
    [InlineData("FastARCNN", 64_640, 64_640 + 2 * (64 + 32 + 32 + 64) + 1)]
    [InlineData("L4", 71_920, 71_920 + 48 + 64 + 64 + 1)]
    [InlineData("L8", 220_064, 220_064 + 32 + 64 * 5 + 128 + 1)]
    [InlineData("CASCNN", 5_144_987, 5_144_987 + (4 * 128 + 4 * 256 + 256 + 128 + 128) * 2 + 4)]
    public void Named_networks_have_the_papers_weight_counts(string name, long weights, long parameters)
    {
        using var network = NetworkRegistry.Create(name);
        Assert.Equal(weights, network.WeightCount);
        Assert.Equal(parameters, network.ParameterCount);
        var info = NetworkRegistry.Known.Single(k => k.Name == name);
        Assert.Equal(weights, info.Weights);
        Assert.Equal(parameters, info.Parameters);
    }

    [Fact]
    public void Table_I_of_paper_000_per_layer_counts()
    {
        using var network = NetworkRegistry.Create("ARCNN");
        Assert.Equal(new long[] { 5184, 100_352, 512, 400 }, network.Layers.Select(l => l.Weight.numel()));
        Assert.Equal(new[] { "conv1", "conv2", "conv3", "conv4" }, network.Layers.Select(l => l.Name));
    }

    [Fact]
    public void Fast_arcnn_ends_in_a_stride_2_deconvolution()
    {
        using var network = NetworkRegistry.Create("FastARCNN");
        Assert.True(network.Layers[^1].IsTransposed);
        Assert.Equal("conv5", network.Layers[^1].Name);
        using var hourglass = new ChainNetwork(NetworkSpec.Hourglass(64, 9, 32, 32, 7, 1, 64, 9, 2));
        Assert.Equal(network.Spec, hourglass.Spec);
        Assert.Equal(network.WeightCount, hourglass.WeightCount);
    }

    [Theory]
    [InlineData("SRCNN")]
    [InlineData("ARCNN")]
    [InlineData("DeeperARCNN")]
    [InlineData("FastARCNN")]
    [InlineData("L4")]
    [InlineData("L8")]
    [InlineData("64(5)-32(1)-32(3)x2-16(1)-1[5]-s3")]
    public void Output_has_the_input_shape_for_odd_and_even_sizes(string name)
    {
        using var scope = NewDisposeScope();
        using var network = NetworkRegistry.Create(name);
        using var _ = no_grad();
        foreach (var (h, w) in new[] { (17, 23), (16, 16), (9, 9), (1, 2) })
        {
            var output = network.call(rand(2, 1, h, w));
            Assert.Equal(new long[] { 2, 1, h, w }, output.shape);
            Assert.True(isfinite(output).all().item<bool>());
        }
    }

    [Fact]
    public void Cascnn_gives_full_and_side_outputs_for_odd_sizes()
    {
        using var scope = NewDisposeScope();
        using var network = new CasCnn();
        using var _ = no_grad();
        var outputs = network.ForwardWithSideOutputs(rand(2, 1, 17, 9));
        Assert.Equal(4, outputs.Count);
        Assert.Equal(new long[] { 2, 1, 17, 9 }, outputs[0].shape);
        Assert.Equal(new long[] { 2, 1, 9, 5 }, outputs[1].shape);
        Assert.Equal(new long[] { 2, 1, 5, 3 }, outputs[2].shape);
        Assert.Equal(new long[] { 2, 1, 3, 2 }, outputs[3].shape);
        Assert.Equal(new long[] { 1, 1, 8, 8 }, network.call(rand(1, 1, 8, 8)).shape);
    }

    [Fact]
    public void Three_channel_networks_map_colour_images()
    {
        using var scope = NewDisposeScope();
        using var network = NetworkRegistry.Create("FastARCNN", channels: 3);
        using var _ = no_grad();
        Assert.Equal(new long[] { 1, 3, 11, 13 }, network.call(rand(1, 3, 11, 13)).shape);
        Assert.EndsWith("3[9]-s2", network.Spec);
    }

    [Theory]
    [InlineData("L4")]
    [InlineData("L8")]
    [InlineData("CASCNN-Residual")]
    public void Residual_network_with_zeroed_last_layer_is_the_identity(string name)
    {
        using var scope = NewDisposeScope();
        using var network = NetworkRegistry.Create(name);
        using (no_grad())
            foreach (var layer in network.Layers.Where(l => l.Name is "a_out" or "b_side" or "c_side" or "d_side" || l == network.Layers[^1]))
            {
                layer.Weight.zero_();
                layer.Bias?.zero_();
            }
        Assert.True(network.IsResidual);
        var input = rand(2, 1, 13, 10);
        using var _ = no_grad();
        Assert.True(network.call(input).allclose(input, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Cascnn_follows_the_paper_direct_output()
    {
        using var network = NetworkRegistry.Create("CAS-CNN");
        Assert.False(network.IsResidual);
        Assert.Equal(15, network.Layers.Count);
    }

    [Fact]
    public void Hourglass_output_lines_up_with_the_input()
    {
        // Receptive radius is 14 px, so the impulses sit far enough from the borders. With symmetric non-negative kernels and zero biases every layer is linear on its (non-negative) input and
        // mirror-symmetric, so an impulse's response must be centred on the impulse: a misplaced padding shifts it.
        using var scope = NewDisposeScope();
        using var network = NetworkRegistry.Create("FastARCNN");
        using (no_grad())
            foreach (var layer in network.Layers)
            {
                layer.Weight.fill_(0.01);
                layer.Bias?.zero_();
            }
        using var _ = no_grad();
        foreach (var (row, col) in new[] { (20, 22), (21, 23), (19, 20) })
        {
            var input = zeros(1, 1, 41, 45);
            input[0, 0, row, col] = tensor(1f);
            var output = network.call(input)[0, 0];
            Assert.True(output.sum().item<float>() > 0);
            var (centreRow, centreCol) = Centroid(output);
            Assert.Equal(row, centreRow, 3);
            Assert.Equal(col, centreCol, 3);
        }
    }

    [Fact]
    public void Hourglass_is_equivariant_to_shifts_by_its_stride()
    {
        using var scope = NewDisposeScope();
        using var network = NetworkRegistry.Create("FastARCNN");
        using var _ = no_grad();
        var image = rand(1, 1, 64, 64);
        var shifted = image.roll([2, 4], [2, 3]);
        var a = network.call(image)[.., .., 20..44, 20..44];
        var b = network.call(shifted)[.., .., 22..46, 24..48];
        Assert.True(a.allclose(b, rtol: 1e-4, atol: 1e-5));
    }

    static (double Row, double Col) Centroid(Tensor plane)
    {
        var total = plane.sum().item<float>();
        var rows = arange(plane.shape[0], dtype: float32).unsqueeze(1);
        var cols = arange(plane.shape[1], dtype: float32).unsqueeze(0);
        return ((plane * rows).sum().item<float>() / total, (plane * cols).sum().item<float>() / total);
    }
}

using ArtifactTools.Networks;

namespace ArtifactTools.Tests.Networks;

public class NetworkSpecTests
{
    [Theory]
    [InlineData("64(9)-32(7)-16(1)-1(5)")]
    [InlineData("64(9)-32(1)-32(7)x2-64(1)-1[9]-s2")]
    [InlineData("48(11)-64(3)-64(3)-1(5)-relu-r")]
    [InlineData("32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r")]
    [InlineData("3(3)-3[5]")]
    public void Canonical_specs_round_trip(string text)
    {
        var spec = NetworkSpec.Parse(text);
        Assert.Equal(text, spec.ToString());
        Assert.Equal(spec, NetworkSpec.Parse(spec.ToString()));
    }

    [Fact]
    public void Lenient_spellings_parse_to_the_canonical_form()
    {
        Assert.Equal("64(9)-32(1)-32(7)-64(1)-1[9]-s2", NetworkSpec.Parse(" 64(9)-32(1)-32(7)-64(1)-1[9]s2 ").ToString());
        Assert.Equal("48(11)-64(3)-1(5)-relu-r", NetworkSpec.Parse("48(11)-64(3)-1(5)-R-ReLU").ToString());
        Assert.Equal("64(9)-1(5)", NetworkSpec.Parse("64(9)-1(5)-prelu-s1").ToString());
    }

    [Fact]
    public void Every_named_network_rebuilds_from_its_spec()
    {
        foreach (var info in NetworkRegistry.Known)
        {
            using var rebuilt = NetworkRegistry.Create(info.Spec);
            Assert.Equal(info.Spec, rebuilt.Spec);
            Assert.Equal(info.Weights, rebuilt.WeightCount);
            Assert.Equal(info.Parameters, rebuilt.ParameterCount);
            Assert.Equal(info.IsResidual, rebuilt.IsResidual);
        }
    }

    [Fact]
    public void Repeats_expand_into_layers()
    {
        var spec = NetworkSpec.Parse("64(9)-32(1)-32(7)x3-64(1)-1[9]-s2");
        Assert.Equal(7, spec.Layers.Count);
        Assert.Equal(2, spec.Stride);
        Assert.Equal(Activation.PReLU, spec.Activation);
        Assert.False(spec.IsResidual);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("64(9)--1(5)", "part 2 is empty")]
    [InlineData("64(9)-32(8)-1(5)", "filter size 8")]
    [InlineData("64(9)-1[5]-32(1)", "may only be the last layer")]
    [InlineData("64(9)-32(1)-1(5)-s2", "must be a deconvolution")]
    [InlineData("64(9)-32(x)-1(5)", "cannot read '32(x)'")]
    [InlineData("64(9)-32(3)+2-1(5)", "earlier layer")]
    [InlineData("64(9)-1(5)-r-r", "twice")]
    [InlineData("64(9)-1(5)-s2-s3", "stride is given twice")]
    [InlineData("64(9)-r-1(5)", "after a suffix")]
    [InlineData("64(9)-1(5)x2", "cannot repeat")]
    [InlineData("0(9)-1(5)", "at least one filter")]
    public void Bad_specs_are_rejected_with_the_reason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => NetworkSpec.Parse(text));
        Assert.Contains(reason, ex.Message);
        Assert.Contains($"'{text}'", ex.Message);
    }

    [Fact]
    public void Unknown_names_list_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => NetworkRegistry.Create("VGG16"));
        Assert.Contains("ARCNN", ex.Message);
        Assert.Contains("FastARCNN", ex.Message);
    }

    [Fact]
    public void Names_ignore_case_and_punctuation()
    {
        using var network = NetworkRegistry.Create("fast ar-cnn");
        Assert.Equal("64(9)-32(1)-32(7)-64(1)-1[9]-s2", network.Spec);
        Assert.Equal("ARCNN", NetworkRegistry.Describe("64(9)-32(7)-16(1)-1(5)").Name);
    }

    [Fact]
    public void Spec_channels_must_match_the_image()
    {
        var ex = Assert.Throws<ArgumentException>(() => NetworkRegistry.Create("64(9)-1(5)", channels: 3));
        Assert.Contains("3(f)", ex.Message);
    }
}

namespace ArtifactTools.Tests.Imaging;

public sealed class BlockDctTests
{
    static double[] RandomBlock(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, BlockDct.Length).Select(_ => random.NextDouble() * 255 - 128).ToArray();
    }

    [Fact]
    public void Inverse_undoes_forward()
    {
        var block = RandomBlock(1);
        var coefficients = new double[BlockDct.Length];
        BlockDct.Forward(block, coefficients);
        var back = new double[BlockDct.Length];
        BlockDct.Inverse(coefficients, back);
        for (int i = 0; i < block.Length; i++) Assert.Equal(block[i], back[i], 1e-9);
        Assert.True(coefficients.Zip(block).Any(p => Math.Abs(p.First - p.Second) > 1), "the transform must change the block");
    }

    [Fact]
    public void Coefficients_follow_the_JPEG_definition_and_keep_the_energy()
    {
        var block = RandomBlock(2);
        var coefficients = new double[BlockDct.Length];
        BlockDct.Forward(block, coefficients);
        foreach (var (u, v) in new[] { (0, 0), (1, 0), (0, 3), (5, 7), (7, 7) })
        {
            // ITU T.81 A.3.3, v the vertical frequency (row), u the horizontal one (column).
            double cu = u == 0 ? Math.Sqrt(0.5) : 1, cv = v == 0 ? Math.Sqrt(0.5) : 1, sum = 0;
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                    sum += block[8 * y + x] * Math.Cos((2 * x + 1) * u * Math.PI / 16) * Math.Cos((2 * y + 1) * v * Math.PI / 16);
            Assert.Equal(cu * cv / 4 * sum, coefficients[8 * v + u], 1e-9);
        }
        Assert.Equal(block.Sum(x => x * x), coefficients.Sum(c => c * c), 1e-6); // orthonormal: Parseval
    }

    [Fact]
    public void A_constant_block_is_its_DC_alone_and_in_place_works()
    {
        var block = Enumerable.Repeat(10.0, BlockDct.Length).ToArray();
        BlockDct.Forward(block, block);
        Assert.Equal(80, block[0], 1e-9);
        Assert.All(block.Skip(1), c => Assert.Equal(0, c, 1e-9));
    }
}

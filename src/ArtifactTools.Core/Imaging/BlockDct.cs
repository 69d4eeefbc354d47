namespace ArtifactTools.Imaging;

/// <summary>
/// JPEG's 8x8 DCT (ITU T.81 A.3.3): F(u,v) = 1/4 C(u) C(v) sum f(x,y) cos((2x+1)u pi/16) cos((2y+1)v pi/16), with
/// C(0) = 1/sqrt 2. That is the orthonormal 2-D DCT-II, so a JPEG quantization step divides exactly these coefficients.
/// Blocks are 64 values, row-major (index = 8 * row + column), the natural order JPEG's tables are kept in here.
/// </summary>
public static class BlockDct
{
    public const int Size = 8, Length = Size * Size;

    // Basis[u, x] = C(u)/2 * cos((2x+1) u pi / 16): rows are the orthonormal 1-D basis vectors. The inverse uses its
    // transpose, stored too so that both directions run the same loop.
    static readonly double[] Basis = CreateBasis(transpose: false), Transposed = CreateBasis(transpose: true);

    static double[] CreateBasis(bool transpose)
    {
        var basis = new double[Length];
        for (int u = 0; u < Size; u++)
            for (int x = 0; x < Size; x++)
                basis[transpose ? x * Size + u : u * Size + x] = (u == 0 ? Math.Sqrt(0.5) : 1.0) / 2 * Math.Cos((2 * x + 1) * u * Math.PI / 16);
        return basis;
    }

    /// <summary>Coefficients of a block of samples (<paramref name="samples"/> and <paramref name="coefficients"/> may
    /// be the same span).</summary>
    public static void Forward(ReadOnlySpan<double> samples, Span<double> coefficients) => Transform(samples, coefficients, inverse: false);

    /// <summary>Samples of a block of coefficients (the spans may be the same).</summary>
    public static void Inverse(ReadOnlySpan<double> coefficients, Span<double> samples) => Transform(coefficients, samples, inverse: true);

    // Separable: rows, then columns, each a product with the 8x8 matrix m (the basis forward, its transpose inverse).
    static void Transform(ReadOnlySpan<double> input, Span<double> output, bool inverse)
    {
        if (input.Length != Length || output.Length != Length)
            throw new ArgumentException($"A block has {Length} values.");
        ReadOnlySpan<double> m = inverse ? Transposed : Basis;
        Span<double> rows = stackalloc double[Length];
        for (int r = 0; r < Size; r++)
            for (int k = 0; k < Size; k++)
            {
                double sum = 0;
                for (int x = 0; x < Size; x++) sum += input[r * Size + x] * m[k * Size + x];
                rows[r * Size + k] = sum;
            }
        for (int c = 0; c < Size; c++)
            for (int k = 0; k < Size; k++)
            {
                double sum = 0;
                for (int y = 0; y < Size; y++) sum += rows[y * Size + c] * m[k * Size + y];
                output[k * Size + c] = sum;
            }
    }
}

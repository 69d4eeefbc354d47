using ArtifactTools.Imaging;

namespace ArtifactTools.Metrics;

/// <summary>
/// PSNR-B (Yim and Bovik, "Quality assessment of deblocked images", IEEE TIP 2011), the blocking-aware PSNR the papers
/// report. The blocking effect factor compares the squared differences of neighbouring pixels across 8x8 block
/// boundaries (D_B) with those of the other neighbouring pairs (D_Bc) in the TEST image:
/// BEF = eta (D_B - D_Bc), eta = log2(B) / log2(min(W, H)) when D_B &gt; D_Bc, else 0;
/// PSNR-B = 10 log10(255^2 / (MSE + BEF)). The pair counts are the paper's N_HB = H (W/B - 1), N_VB = W (H/B - 1) and
/// their complements, as in the authors' reference code (they equal the real pair counts when B divides the size).
/// </summary>
public static class BlockingEffect
{
    public const int BlockSize = 8;

    public static double Factor(Plane test, int blockSize = BlockSize)
    {
        ArgumentNullException.ThrowIfNull(test);
        int w = test.Width, h = test.Height;
        float[] p = test.Data;
        double boundary = 0, inside = 0;
        // Horizontal neighbours (x, x+1): a boundary pair when x+1 starts a block.
        for (int y = 0; y < h; y++)
        {
            int row = y * w;
            for (int x = 0; x + 1 < w; x++)
            {
                double d = (double)p[row + x] - p[row + x + 1];
                if ((x + 1) % blockSize == 0) boundary += d * d; else inside += d * d;
            }
        }
        // Vertical neighbours (y, y+1).
        for (int y = 0; y + 1 < h; y++)
        {
            bool isBoundary = (y + 1) % blockSize == 0;
            int row = y * w;
            double sum = 0;
            for (int x = 0; x < w; x++)
            {
                double d = (double)p[row + x] - p[row + w + x];
                sum += d * d;
            }
            if (isBoundary) boundary += sum; else inside += sum;
        }
        double nHB = h * ((double)w / blockSize - 1), nVB = w * ((double)h / blockSize - 1);
        double nHBc = h * (w - 1.0) - nHB, nVBc = w * (h - 1.0) - nVB;
        if (nHB + nVB <= 0) return 0; // smaller than one block: no boundaries to measure
        double dB = boundary / (nHB + nVB), dBc = inside / (nHBc + nVBc);
        if (dB <= dBc) return 0;
        double eta = Math.Log2(blockSize) / Math.Log2(Math.Min(w, h));
        return eta * (dB - dBc);
    }

    /// <summary>PSNR-B of <paramref name="test"/> against <paramref name="reference"/>; +infinity when identical and unblocked.</summary>
    public static double PsnrB(Plane reference, Plane test)
    {
        double mse = PeakSignalToNoise.MeanSquaredError(reference, test);
        return PeakSignalToNoise.FromMse(mse + Factor(test));
    }
}

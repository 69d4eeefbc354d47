using ArtifactTools.Imaging;

namespace ArtifactTools.Metrics;

/// <summary>
/// SSIM as the AR-CNN and CAS-CNN papers report it: an 8x8 window of ones (plain local means and biased
/// variances), K1 = 0.01, K2 = 0.03, L = 255, every valid window position with stride 1, no Gaussian weighting and no
/// downsampling; the score is the mean of the SSIM map. Window sums slide over rows and columns, so the cost is
/// O(width x height) with O(width) memory, independent of the window size.
/// </summary>
public static class StructuralSimilarity
{
    public const int Window = 8;
    public const double K1 = 0.01, K2 = 0.03, L = 255.0;
    static readonly double C1 = (K1 * L) * (K1 * L), C2 = (K2 * L) * (K2 * L);

    public static double Ssim(Plane reference, Plane test)
    {
        MetricGuard.SameSize(reference, test);
        int w = reference.Width, h = reference.Height;
        if (w < Window || h < Window)
            throw new ArgumentException($"SSIM needs at least {Window}x{Window} pixels; the images are {w}x{h}.");

        // Column sums over the current band of Window rows, for x, y, x^2, y^2 and xy.
        var sx = new double[w]; var sy = new double[w]; var sxx = new double[w]; var syy = new double[w]; var sxy = new double[w];
        float[] a = reference.Data, b = test.Data;
        const double n = Window * Window;
        double total = 0;
        for (int row = 0; row < h; row++)
        {
            AddRow(a, b, row * w, w, +1, sx, sy, sxx, syy, sxy);
            if (row >= Window) AddRow(a, b, (row - Window) * w, w, -1, sx, sy, sxx, syy, sxy);
            if (row < Window - 1) continue;

            double wx = 0, wy = 0, wxx = 0, wyy = 0, wxy = 0;
            for (int col = 0; col < w; col++)
            {
                wx += sx[col]; wy += sy[col]; wxx += sxx[col]; wyy += syy[col]; wxy += sxy[col];
                if (col >= Window)
                {
                    int o = col - Window;
                    wx -= sx[o]; wy -= sy[o]; wxx -= sxx[o]; wyy -= syy[o]; wxy -= sxy[o];
                }
                if (col < Window - 1) continue;
                double mx = wx / n, my = wy / n;
                double vx = wxx / n - mx * mx, vy = wyy / n - my * my, cxy = wxy / n - mx * my;
                total += (2 * mx * my + C1) * (2 * cxy + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
            }
        }
        return total / ((double)(w - Window + 1) * (h - Window + 1));
    }

    static void AddRow(float[] a, float[] b, int start, int w, int sign,
        double[] sx, double[] sy, double[] sxx, double[] syy, double[] sxy)
    {
        for (int col = 0; col < w; col++)
        {
            double x = a[start + col], y = b[start + col];
            sx[col] += sign * x; sy[col] += sign * y;
            sxx[col] += sign * x * x; syy[col] += sign * y * y; sxy[col] += sign * x * y;
        }
    }
}

namespace ArtifactTools.Tests.Support;

/// <summary>
/// Deterministic synthetic images made from a seed (no dataset needed), with the smooth shading, edges, texture and
/// noise that make JPEG produce real blocking and ringing (a flat image would measure nothing). Three generators, each
/// kept exactly as the tests' expectations were measured with: natural planes (codec, metric and quality tests),
/// grid patterns (restoration and tiling tests) and scenes (training sets).
/// </summary>
public static class SyntheticImages
{
    /// <summary>A photograph-like plane: smooth shading, a hard-edged disc, fine texture and noise.</summary>
    public static Plane NaturalPlane(int width, int height, int seed)
    {
        var random = new Random(seed);
        double fx = 0.05 + random.NextDouble() * 0.3, fy = 0.05 + random.NextDouble() * 0.3;
        int cx = random.Next(width), cy = random.Next(height), radius = Math.Max(4, Math.Min(width, height) / 4);
        var plane = new Plane(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double v = 40 + 120.0 * x / width + 40 * Math.Sin(fx * x) * Math.Cos(fy * y);
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius) v += 60; // a disc: hard edges
                if (x > width * 2 / 3 && (x / 3 + y / 3) % 2 == 0) v -= 30;            // fine texture
                v += random.NextDouble() * 12 - 6;
                plane[x, y] = (float)Math.Clamp(Math.Round(v), 0, 255);
            }
        return plane;
    }

    public static RasterImage NaturalGray(int width, int height, int seed) => RasterImage.Gray(NaturalPlane(width, height, seed));

    public static RasterImage NaturalRgb(int width, int height, int seed) =>
        RasterImage.Rgb(NaturalPlane(width, height, seed), NaturalPlane(width, height, seed + 1), NaturalPlane(width, height, seed + 2));

    public static Plane Constant(int width, int height, float value)
    {
        var data = new float[width * height];
        Array.Fill(data, value);
        return new Plane(width, height, data);
    }

    /// <summary>A 16-bit grayscale PNG written by hand (ImageMagick's 8-bit build cannot write one).</summary>
    public static byte[] Gray16Png(int width, int height, Func<int, int, ushort> value)
    {
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (int x = 0; x < width; x++) { var v = value(x, y); raw.WriteByte((byte)(v >> 8)); raw.WriteByte((byte)v); }
        }
        var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            raw.WriteTo(z);
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 16; // bit depth; colour type 0 = gray
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var word = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(typed);
        uint crc = 0xFFFFFFFF;
        foreach (var b in typed) { crc ^= b; for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1; }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, ~crc);
        png.Write(word);
    }

    /// <summary>Edges on the 8x8 grid, gradients and noise: what a deblocking network reacts to.</summary>
    public static Plane Pattern(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var plane = new Plane(width, height);
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            double v = 128 + 60 * Math.Sin(x * 0.21 + seed) * Math.Cos(y * 0.13) + (((x / 8) + (y / 8)) % 2 == 0 ? 30 : -30);
            plane[x, y] = (float)Math.Clamp(Math.Round(v + random.Next(-12, 13)), 0, 255);
        }
        return plane;
    }

    public static RasterImage PatternGray(int width, int height, int seed = 1) => RasterImage.Gray(Pattern(width, height, seed));

    public static RasterImage PatternRgb(int width, int height, int seed = 1) =>
        RasterImage.Rgb(Pattern(width, height, seed), Pattern(width, height, seed + 1), Pattern(width, height, seed + 2));

    public static float MaxAbsDifference(Plane a, Plane b)
    {
        float max = 0;
        for (int i = 0; i < a.Data.Length; i++) max = Math.Max(max, Math.Abs(a.Data[i] - b.Data[i]));
        return max;
    }

    /// <summary>A scene of shaded background, hard-edged shapes and texture, for training sets.</summary>
    public static Plane Scene(int width, int height, int seed)
    {
        var random = new Random(seed);
        var plane = new Plane(width, height);
        double gx = random.NextDouble() * 2 - 1, gy = random.NextDouble() * 2 - 1, baseLevel = 60 + random.NextDouble() * 80;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                plane[x, y] = (float)(baseLevel + 40 * (gx * x / width + gy * y / height));
        for (int s = 0; s < 6; s++)
        {
            int cx = random.Next(width), cy = random.Next(height), r = 4 + random.Next(Math.Max(5, width / 4));
            float level = (float)(random.NextDouble() * 255);
            bool disc = random.Next(2) == 0;
            for (int y = Math.Max(0, cy - r); y < Math.Min(height, cy + r); y++)
                for (int x = Math.Max(0, cx - r); x < Math.Min(width, cx + r); x++)
                    if (!disc || (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r) plane[x, y] = level;
        }
        double fx = 0.2 + random.NextDouble() * 0.6, fy = 0.2 + random.NextDouble() * 0.6;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                plane[x, y] = Math.Clamp(plane[x, y] + (float)(10 * Math.Sin(fx * x) * Math.Cos(fy * y)), 0f, 255f);
        return plane.Quantized();
    }

    /// <summary>Writes <paramref name="count"/> lossless PNGs into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteSet(string directory, int count, int width, int height, int seed)
    {
        Directory.CreateDirectory(directory);
        return Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(directory, $"synthetic{i:00}.png");
            ImageCodec.Write(RasterImage.Gray(Scene(width, height, seed + i)), path, ImageEncoding.Png);
            return path;
        }).ToList();
    }
}

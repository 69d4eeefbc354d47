using ArtifactTools.Imaging;

namespace ArtifactTools.Tests.Imaging;

/// <summary>Deterministic synthetic photographs: smooth shading, edges, texture and noise, so that JPEG produces
/// real blocking and ringing (a flat image would measure nothing).</summary>
public static class TestImages
{
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

    public static RasterImage Gray(int width, int height, int seed) => RasterImage.Gray(NaturalPlane(width, height, seed));

    public static RasterImage Rgb(int width, int height, int seed) =>
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
}

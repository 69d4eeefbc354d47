using System.Buffers.Binary;
using System.Text;
using ArtifactTools.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtifactTools.Tests.Models;

public sealed class ModelFileTests
{
    static ModelMetadata SampleMetadata() => new()
    {
        Name = "test-q10",
        Degradation = "jpeg:10",
        Recipe = "arcnn-paper",
        Iterations = 1234,
        TrainingSeconds = 12.5,
        ValidationPsnr = 29.125,
        BaselinePsnr = 27.75,
        Scores = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["classic5"] = new Dictionary<string, double> { ["psnr"] = 29.5, ["ssim"] = 0.81, ["psnrb"] = 29.1 },
        },
        Created = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        Description = "unit test",
        Extra = new Dictionary<string, string> { ["seed"] = "7" },
    };

    [Fact]
    public void Round_trip_keeps_weights_bit_exact_and_metadata()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.safetensors");
        using var network = new TestConvNetwork((8, 9), (4, 7), (1, 5)).Seeded(1);
        ModelFile.Save(path, network, SampleMetadata());

        using var model = ModelFile.Load(path, createNetwork: TestConvNetwork.Create);
        var original = network.state_dict();
        foreach (var (name, loaded) in model.Network.state_dict())
            Assert.Equal(original[name].data<float>().ToArray(), loaded.data<float>().ToArray());

        var m = model.Metadata;
        Assert.Equal("test-q10", m.Name);
        Assert.Equal("8(9)-4(7)-1(5)", m.Architecture); // filled from the network's spec
        Assert.Equal("jpeg:10", m.Degradation);
        Assert.Equal(10, m.JpegQuality);
        Assert.Equal((1, "Y"), (m.Channels, m.ColorMode));
        Assert.Equal(("arcnn-paper", 1234L, 12.5, 29.125, 27.75), (m.Recipe, m.Iterations, m.TrainingSeconds, m.ValidationPsnr, m.BaselinePsnr));
        Assert.Equal(0.81, m.Scores["classic5"]["ssim"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), m.Created);
        Assert.Equal("7", m.Extra["seed"]);
        Assert.StartsWith("ArtifactTools ", m.TrainedBy);
        Assert.False(model.Network.training);
        Assert.All(model.Network.parameters(), p => Assert.False(p.requires_grad));
        Assert.Equal(m.Name, ModelFile.ReadMetadata(path).Name);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void File_is_standard_safetensors()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.safetensors");
        using var network = new TestConvNetwork((2, 3), (1, 3)).Seeded(2);
        ModelFile.Save(path, network, SampleMetadata());

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        Assert.Contains("\"__metadata__\"", header);
        Assert.Contains("conv1.weight\":{\"dtype\":\"F32\",\"shape\":[2,1,3,3],\"data_offsets\":[0,72]}", header);
        Assert.Equal(8 + headerLength + network.parameters().Sum(p => p.numel()) * 4, bytes.Length);
    }

    public static TheoryData<string, string> CorruptFiles() => new()
    {
        { "empty", "empty" },
        { "text", "safetensors header" },
        { "truncated", "truncated" },
        { "header-truncated", "truncated" },
        { "bad-json", "not valid JSON" },
        { "wrong-dtype", "only F32" },
        { "no-architecture", "architecture" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Corrupt_files_throw_InvalidDataException_naming_the_file(string kind, string expectedReason)
    {
        using var dir = new TempDirectory();
        var good = dir.File("good.safetensors");
        using (var network = new TestConvNetwork((2, 3), (1, 3)).Seeded(3))
            ModelFile.Save(good, network, SampleMetadata());
        var bytes = File.ReadAllBytes(good);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);

        byte[] WithHeader(string h)
        {
            var hb = Encoding.UTF8.GetBytes(h);
            var result = new byte[8 + hb.Length + bytes.Length - 8 - headerLength];
            BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)hb.Length);
            hb.CopyTo(result, 8);
            bytes.AsSpan(8 + headerLength).CopyTo(result.AsSpan(8 + hb.Length));
            return result;
        }

        var content = kind switch
        {
            "empty" => [],
            "text" => Encoding.UTF8.GetBytes("this is a plain text file, not a model at all"),
            "truncated" => bytes[..^10],
            "header-truncated" => bytes[..(headerLength / 2)],
            "bad-json" => WithHeader(header.Replace("\"__metadata__\":{", "\"__metadata__\":{{")),
            "wrong-dtype" => WithHeader(header.Replace("\"F32\"", "\"F64\"")),
            "no-architecture" => WithHeader(header.Replace("\"architecture\"", "\"architectur_\"")),
            _ => throw new ArgumentException(kind),
        };
        var path = dir.File(kind + ".safetensors");
        File.WriteAllBytes(path, content);

        var ex = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, createNetwork: TestConvNetwork.Create));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expectedReason, ex.Message);
    }

    [Fact]
    public void Wrong_architecture_is_rejected_with_the_mismatch()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.safetensors");
        using (var network = new TestConvNetwork((4, 3), (1, 3)).Seeded(4))
            ModelFile.Save(path, network, SampleMetadata() with { Architecture = "4(3)-1(3)" });

        // Same layer names, other shapes.
        var shape = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, createNetwork: _ => new TestConvNetwork((8, 3), (1, 3))));
        Assert.Contains("conv1.weight", shape.Message);
        Assert.Contains("[4,1,3,3]", shape.Message);
        // Other layer names.
        var names = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, createNetwork: _ => new TestConvNetwork((4, 3), (4, 3), (1, 3))));
        Assert.Contains("missing: ", names.Message);
        Assert.Contains("conv3.weight", names.Message);
        // An architecture the registry does not know.
        var unknown = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path, createNetwork: a => throw new ArgumentException($"Unknown network '{a}'.")));
        Assert.Contains("4(3)-1(3)", unknown.Message);
    }

    [Fact]
    public void Newer_format_version_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.safetensors");
        using (var network = new TestConvNetwork((2, 3), (1, 3)))
            ModelFile.Save(path, network, SampleMetadata() with { FormatVersion = 99 });
        var ex = Assert.Throws<InvalidDataException>(() => ModelFile.ReadMetadata(path));
        Assert.Contains("newer", ex.Message);
    }
}

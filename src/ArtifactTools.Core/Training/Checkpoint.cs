using System.Text;
using System.Text.Json;
using ArtifactTools.FileSystem;
using ArtifactTools.Networks;
using TorchSharp.Modules;

namespace ArtifactTools.Training;

public static class Checkpoint
{
    const string Magic = "ATCKPT01";

    /// <summary>Writes atomically: a killed process leaves the previous checkpoint intact.</summary>
    public static void Save(string path, CheckpointState state, RestorationNetwork network, OptimizerHelper optimizer)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(JsonSerializer.Serialize(state));
            network.save(writer);
            optimizer.save_state_dict(writer);
        }, durable: true);
    }

    /// <summary>Restores network and optimizer in place; returns the saved state.</summary>
    public static CheckpointState Load(string path, RestorationNetwork network, OptimizerHelper optimizer)
    {
        using var reader = Open(path);
        var state = JsonSerializer.Deserialize<CheckpointState>(reader.ReadString())!;
        network.load(reader);
        optimizer.load_state_dict(reader);
        return state;
    }

    static BinaryReader Open(string path)
    {
        var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length));
        if (magic != Magic)
        {
            reader.Dispose();
            throw new InvalidDataException($"'{path}' is not an ArtifactTools training checkpoint.");
        }
        return reader;
    }
}

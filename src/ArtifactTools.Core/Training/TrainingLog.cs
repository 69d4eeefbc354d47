using System.Text.Json;

namespace ArtifactTools.Training;

/// <summary>Appends entries as JSON lines; on resume, entries after the checkpoint's iteration are dropped so the log
/// matches the state training continues from.</summary>
public sealed class TrainingLog
{
    readonly string _path;
    public List<TrainingLogEntry> Entries { get; } = [];

    public TrainingLog(string path, int resumeFromIteration)
    {
        _path = path;
        if (resumeFromIteration > 0 && File.Exists(path))
            Entries.AddRange(Read(path).Where(e => e.Iteration <= resumeFromIteration));
        File.WriteAllLines(path, Entries.Select(e => JsonSerializer.Serialize(e)));
    }

    public void Append(TrainingLogEntry entry)
    {
        Entries.Add(entry);
        File.AppendAllLines(_path, [JsonSerializer.Serialize(entry)]);
    }

    public static IReadOnlyList<TrainingLogEntry> Read(string path) => File.ReadLines(path)
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l => JsonSerializer.Deserialize<TrainingLogEntry>(l)!)
        .ToList();
}

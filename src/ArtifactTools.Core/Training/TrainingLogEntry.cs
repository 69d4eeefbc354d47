using System.Text.Json.Serialization;

namespace ArtifactTools.Training;

/// <summary>One line of the JSON-lines training log.</summary>
public sealed record TrainingLogEntry(
    [property: JsonPropertyName("iteration")] int Iteration,
    [property: JsonPropertyName("loss")] double Loss,
    [property: JsonPropertyName("validation_psnr")] double? ValidationPsnr,
    [property: JsonPropertyName("baseline_psnr")] double? BaselinePsnr,
    [property: JsonPropertyName("learning_rate")] double LearningRate,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("phase")] string Phase);

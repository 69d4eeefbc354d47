using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using static TorchSharp.torch;

namespace ArtifactTools.Models;

/// <summary>
/// The safetensors container (huggingface/safetensors): 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and data_offsets plus a "__metadata__" string map, then raw little-endian data. Written and
/// parsed here, float32 only: loading a model is reading numbers, never running code (unlike pickle or .dat files).
/// </summary>
internal static class SafeTensorsFormat
{
    const string MetadataKey = "__metadata__";
    const long MaxHeaderBytes = 16 * 1024 * 1024; // a model header is a few KB; a larger length means a foreign file

    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        RequireLittleEndianHost();
        var list = tensors.Select(t => (t.Key, Tensor: t.Value.detach().cpu().to(ScalarType.Float32).contiguous())).ToList();
        try
        {
            var header = new MemoryStream();
            using (var json = new Utf8JsonWriter(header))
            {
                json.WriteStartObject();
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
                long offset = 0;
                foreach (var (name, tensor) in list)
                {
                    var length = tensor.numel() * sizeof(float);
                    json.WriteStartObject(name);
                    json.WriteString("dtype", "F32");
                    json.WriteStartArray("shape");
                    foreach (var d in tensor.shape) json.WriteNumberValue(d);
                    json.WriteEndArray();
                    json.WriteStartArray("data_offsets");
                    json.WriteNumberValue(offset);
                    json.WriteNumberValue(offset + length);
                    json.WriteEndArray();
                    json.WriteEndObject();
                    offset += length;
                }
                json.WriteEndObject();
            }
            // The format pads the header with spaces so that the data starts 8-byte aligned.
            while (header.Length % 8 != 0) header.WriteByte((byte)' ');

            Span<byte> lengthBytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)header.Length);
            stream.Write(lengthBytes);
            header.Position = 0;
            header.CopyTo(stream);
            foreach (var (_, tensor) in list)
                if (tensor.numel() > 0) stream.Write(tensor.bytes);
        }
        finally
        {
            foreach (var (_, tensor) in list) tensor.Dispose();
        }
    }

    /// <summary>Reads and validates the header: JSON shape, dtypes, offsets within the file, no overlaps.</summary>
    public static SafeTensorsHeader ReadHeader(Stream stream, string path)
    {
        long fileLength = stream.Length;
        if (fileLength < 8) throw Invalid(path, fileLength == 0 ? "the file is empty" : "the file is too short to hold a header");
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength < 2 || headerLength > (ulong)Math.Min(MaxHeaderBytes, fileLength - 8))
            throw Invalid(path, headerLength > (ulong)(fileLength - 8) && headerLength <= MaxHeaderBytes
                ? $"the header claims {headerLength} bytes but the file has only {fileLength - 8} after the length: it is truncated"
                : "it does not start with a safetensors header length (wrong file type?)");

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        long dataStart = 8 + (long)headerLength, dataLength = fileLength - dataStart;

        JsonDocument document;
        try { document = JsonDocument.Parse(headerBytes); }
        catch (JsonException ex) { throw Invalid(path, $"its header is not valid JSON ({ex.Message})", ex); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Invalid(path, "its header is not a JSON object");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var tensors = new List<SafeTensorEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    if (property.Value.ValueKind != JsonValueKind.Object) throw Invalid(path, "__metadata__ is not an object");
                    foreach (var entry in property.Value.EnumerateObject())
                    {
                        if (entry.Value.ValueKind != JsonValueKind.String) throw Invalid(path, $"metadata '{entry.Name}' is not a string");
                        metadata[entry.Name] = entry.Value.GetString()!;
                    }
                    continue;
                }
                tensors.Add(ParseEntry(property, path));
            }

            long expectedEnd = 0;
            foreach (var t in tensors.OrderBy(t => t.Begin))
            {
                if (t.Begin < expectedEnd) throw Invalid(path, $"tensor '{t.Name}' overlaps another tensor's data");
                expectedEnd = t.End;
            }
            if (expectedEnd > dataLength)
                throw Invalid(path, $"the tensor data needs {expectedEnd} bytes but the file holds {dataLength}: it is truncated");
            return new SafeTensorsHeader(metadata, tensors, dataStart);
        }
    }

    static SafeTensorEntry ParseEntry(JsonProperty property, string path)
    {
        var name = property.Name;
        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object) throw Invalid(path, $"tensor '{name}' is not described by an object");
        if (!value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
            throw Invalid(path, $"tensor '{name}' has no dtype");
        if (dtype.GetString() != "F32") throw Invalid(path, $"tensor '{name}' has dtype {dtype.GetString()}; only F32 is supported");
        if (!value.TryGetProperty("shape", out var shapeJson) || shapeJson.ValueKind != JsonValueKind.Array)
            throw Invalid(path, $"tensor '{name}' has no shape");
        var shape = new List<long>();
        foreach (var d in shapeJson.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out var n) || n < 0 || n > int.MaxValue)
                throw Invalid(path, $"tensor '{name}' has an invalid shape");
            shape.Add(n);
        }
        if (!value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2
            || !offsets[0].TryGetInt64(out var begin) || !offsets[1].TryGetInt64(out var end) || begin < 0 || end < begin)
            throw Invalid(path, $"tensor '{name}' has invalid data_offsets");
        var entry = new SafeTensorEntry(name, shape.ToArray(), begin, end);
        if (entry.ElementCount * sizeof(float) != end - begin)
            throw Invalid(path, $"tensor '{name}' has shape [{string.Join(",", shape)}] but {end - begin} bytes of data");
        return entry;
    }

    /// <summary>Reads one tensor's values (the header has been validated, so the range lies inside the file).</summary>
    public static float[] ReadValues(Stream stream, SafeTensorsHeader header, SafeTensorEntry entry)
    {
        RequireLittleEndianHost();
        var values = new float[entry.ElementCount];
        stream.Position = header.DataStart + entry.Begin;
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static InvalidDataException Invalid(string path, string reason, Exception? inner = null) =>
        new($"'{path}' is not a valid ArtifactTools model file: {reason}.", inner);

    static void RequireLittleEndianHost()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Model files are little-endian; this host is big-endian.");
    }
}

using System.Buffers;
using System.Text.Json;

namespace SecretBot.Dialogs.Engine;

/// <summary>
/// Compact JSON for <see cref="DialogState"/>: <c>{"f":1,"s":[{"d":"dialog","v":{…}}],"m":{…}}</c>.
/// Anything it cannot read (another format, a corrupt document) is reported, never half-loaded.
/// </summary>
public static class DialogStateSerializer
{
    private const int Format = 1;

    public static byte[] Serialize(DialogState state)
    {
        // Written straight into one buffer (a state is a few hundred bytes), then copied out once.
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("f", Format);
            json.WriteStartArray("s");
            foreach (var instance in state.Stack)
            {
                json.WriteStartObject();
                json.WriteString("d", instance.DialogId);
                WriteValues(json, "v", instance.Values);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteValues(json, "m", state.Remembered);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a state, or returns null when the document is not one this version can trust.</summary>
    public static DialogState? TryDeserialize(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (!root.TryGetProperty("f", out var format) || format.GetInt32() != Format)
            {
                return null;
            }

            var state = new DialogState();
            foreach (var item in root.GetProperty("s").EnumerateArray())
            {
                var instance = new DialogInstance(item.GetProperty("d").GetString()!);
                ReadValues(item.GetProperty("v"), instance.Values);
                state.Stack.Add(instance);
            }

            ReadValues(root.GetProperty("m"), state.Remembered);
            return state;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException
                                              or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteValues(Utf8JsonWriter json, string name, DialogValues values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values.All)
        {
            switch (value)
            {
                case string id:
                    json.WriteString(key, id);
                    break;
                case int number:
                    json.WriteNumber(key, number);
                    break;
                case bool flag:
                    json.WriteBoolean(key, flag);
                    break;
                case List<int> list:
                    json.WriteStartArray(key);
                    list.ForEach(json.WriteNumberValue);
                    json.WriteEndArray();
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static void ReadValues(JsonElement element, DialogValues values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    values.SetId(property.Name, value.GetString()!);
                    break;
                case JsonValueKind.Number:
                    values.SetInt(property.Name, value.GetInt32());
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values.SetFlag(property.Name, value.GetBoolean());
                    break;
                case JsonValueKind.Array:
                    values.SetInts(property.Name, value.EnumerateArray().Select(e => e.GetInt32()));
                    break;
                default:
                    throw new FormatException($"Unexpected value kind {value.ValueKind}.");
            }
        }
    }
}

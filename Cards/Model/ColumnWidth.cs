using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecretBot.Cards.Model;

/// <summary>"auto", "stretch" or a relative weight (a positive number), as the schema allows.</summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private readonly string? keyword;
    private readonly int weight;

    private ColumnWidth(string? keyword, int weight) => (this.keyword, this.weight) = (keyword, weight);

    public static ColumnWidth Auto { get; } = new("auto", 0);
    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    public static ColumnWidth Weighted(int weight) =>
        weight > 0 ? new(null, weight) : throw new ArgumentOutOfRangeException(nameof(weight), "A column weight is positive.");

    private sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
    {
        public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Cards are only written, never read back.");

        public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
        {
            if (value.keyword is { } word)
                writer.WriteStringValue(word);
            else
                writer.WriteNumberValue(value.weight);
        }
    }
}

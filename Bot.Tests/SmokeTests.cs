namespace SecretBot.Bot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void ActivityRoundTripKeepsUnknownFields()
    {
        var json = """{"type":"message","id":"1","somethingNew":{"a":1}}""";
        var activity = System.Text.Json.JsonSerializer.Deserialize<SecretBot.Protocol.Schema.Activity>(json, SecretBot.Protocol.Schema.ProtocolJson.Options)!;
        var back = System.Text.Json.JsonSerializer.Serialize(activity, SecretBot.Protocol.Schema.ProtocolJson.Options);
        Assert.Contains("\"somethingNew\":{\"a\":1}", back);
    }
}

namespace SecretBot.Bot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void ActivityRoundTripKeepsUnknownFields()
    {
        var json = """{"type":"message","id":"1","somethingNew":{"a":1}}""";
        var activity = System.Text.Json.JsonSerializer.Deserialize<SecretBot.Bot.Protocol.Activity>(json, SecretBot.Bot.Protocol.ProtocolJson.Options)!;
        var back = System.Text.Json.JsonSerializer.Serialize(activity, SecretBot.Bot.Protocol.ProtocolJson.Options);
        Assert.Contains("\"somethingNew\":{\"a\":1}", back);
    }
}

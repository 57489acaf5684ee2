using System.Text.Json;

namespace SecretBot.Protocol.Messaging;

/// <summary>
/// A refused request: the status and a JSON body in the Bot Framework error shape
/// (<c>{"error": {"code", "message"}}</c>) naming the problem, so the caller can fix it.
/// </summary>
public sealed record ProtocolError(int Status, string Code, string Message)
{
    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, new ErrorBody(new ErrorDetail(Code, Message)),
            ErrorJson.Options);
    }

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);

    private static class ErrorJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}

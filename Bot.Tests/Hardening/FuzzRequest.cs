using System.Net.Http.Headers;
using System.Text;

namespace SecretBot.Bot.Tests.Hardening;

/// <summary>One HTTP request of the fuzz: what kind of input it is, and the exact method, content type and bytes sent.</summary>
public sealed record FuzzRequest(string Kind, string Method, string? ContentType, byte[] Body, bool Chunked = false)
{
    private const int KestrelDrainLimit = 1024 * 1024;

    public HttpRequestMessage ToHttp(Uri messagesUrl)
    {
        HttpContent content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        var request = new HttpRequestMessage(new HttpMethod(Method), messagesUrl) { Content = content };
        request.Headers.TransferEncodingChunked = Chunked;
        // The bot refuses a body over its limit before reading it, and Kestrel drains no more than 1 MB
        // after that: a larger upload is cut under the client's feet unless it waits to be told to go on.
        request.Headers.ExpectContinue = Body.Length > KestrelDrainLimit;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Short enough for a failure report, long enough to replay by hand.</summary>
    public override string ToString() =>
        $"{Kind}: {Method} {ContentType ?? "(no content type)"}{(Chunked ? " chunked" : "")}, {Body.Length} bytes: "
        + Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 4_000)));
}

using System.Buffers;
using System.Text.Json;
using SecretBot.Protocol.Schema;

namespace SecretBot.Protocol.Messaging;

/// <summary>
/// Reads and checks the HTTP side of an inbound activity: method, content type, size, JSON and the
/// fields every activity needs. Everything a caller can get wrong ends here as a 4xx with a reason.
/// </summary>
public static class InboundRequest
{
    public static ProtocolError? CheckEnvelope(HttpRequest request, int maxBytes)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            request.HttpContext.Response.Headers.Allow = "POST";
            return new ProtocolError(405, "MethodNotAllowed", "Activities are POSTed to /api/messages.");
        }

        if (!IsJson(request.ContentType))
        {
            return new ProtocolError(415, "UnsupportedMediaType", "The body must be JSON (Content-Type: application/json).");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        return null;
    }

    public static async Task<(byte[]? Body, ProtocolError? Error)> ReadBodyAsync(HttpRequest request, int maxBytes,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        byte[]? body;
        try
        {
            // Teams announces the length: read straight into an array of that size, no copies.
            body = request.ContentLength is { } announced
                ? await ReadAnnouncedAsync(request.Body, (int)announced, cancellationToken)
                : await ReadUnannouncedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or BadHttpRequestException)
        {
            return (null, new ProtocolError(400, "IncompleteBody", "The request body ended before its announced length."));
        }

        return body switch
        {
            null => (null, TooLarge(maxBytes)),
            { Length: 0 } => (null, new ProtocolError(400, "EmptyBody", "The body is empty; an activity is expected.")),
            _ => (body, null),
        };
    }

    /// <summary>A body whose announced length is within the limit.</summary>
    private static async Task<byte[]> ReadAnnouncedAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The body ended before its announced length.");
            }

            filled += read;
        }

        return body;
    }

    /// <summary>A chunked body, read up to the limit; null when it goes over.</summary>
    private static async Task<byte[]?> ReadUnannouncedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    public static (Activity? Activity, ProtocolError? Error) Parse(byte[] body)
    {
        if (HasUnreadableString(body))
        {
            return (null, new ProtocolError(400, "InvalidJson", "A string of the body escapes half of a surrogate pair; it is not text."));
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine})" : "";
            return (null, new ProtocolError(400, "InvalidJson", $"The body is not a valid activity JSON object{where}."));
        }

        if (activity is null)
        {
            return (null, new ProtocolError(400, "InvalidJson", "The body is JSON null; an activity object is expected."));
        }

        DropNullItems(activity);
        return (activity, Validate(activity));
    }

    /// <summary>
    /// JSON can say <c>"entities": [null]</c>; no channel does. The activity's lists hold no nulls
    /// from here on, so that no handler has to check each item.
    /// </summary>
    private static void DropNullItems(Activity activity)
    {
        activity.Entities?.RemoveAll(entity => entity is null);
        activity.Attachments?.RemoveAll(attachment => attachment is null);
        activity.MembersAdded?.RemoveAll(member => member is null);
        activity.MembersRemoved?.RemoveAll(member => member is null);
    }

    /// <summary>
    /// JSON's grammar lets a string escape a lone surrogate (<c>"\ud800"</c>), and .NET refuses to read
    /// one as text. The typed fields of the activity would fail at once, but the parts kept as JSON
    /// (value, channelData, entities) only when a handler reads them: checked once here instead.
    /// </summary>
    private static bool HasUnreadableString(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ProtocolJson.Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the parse that follows says where.
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }

        return false;
    }

    private static ProtocolError? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return new ProtocolError(400, "MissingType", "The activity has no 'type'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return new ProtocolError(400, "MissingConversation", "The activity has no 'conversation.id'.");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return activity.IsType(ActivityTypes.Message)
                ? new ProtocolError(400, "MissingServiceUrl", "A message activity needs a 'serviceUrl' to reply to.")
                : null;
        }

        return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : new ProtocolError(400, "InvalidServiceUrl", "The activity's 'serviceUrl' is not an absolute http(s) URL.");
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static ProtocolError TooLarge(int maxBytes) =>
        new(413, "PayloadTooLarge", $"The body is larger than {maxBytes} bytes.");
}

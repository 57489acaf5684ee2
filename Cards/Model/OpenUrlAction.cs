namespace SecretBot.Cards.Model;

public sealed record OpenUrlAction : CardAction
{
    public OpenUrlAction(string title, Uri url) : base(title) =>
        Url = url is { IsAbsoluteUri: true } ? url : throw new ArgumentException("A link needs an absolute URL.", nameof(url));

    public Uri Url { get; }
}

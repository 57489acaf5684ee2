namespace SecretBot.Cards.Model;

/// <summary>An image; the alternative text is required so that a screen reader can say what it shows.</summary>
public sealed record Image(Uri Url, string AltText) : CardElement
{
    public Uri Url { get; } = Url ?? throw new ArgumentNullException(nameof(Url));
    public string AltText { get; } = Require.Text(AltText, nameof(AltText));

    public ImageSize? Size { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

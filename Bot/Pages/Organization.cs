using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Bot.Pages;

/// <summary>
/// Who provides the bot (section <c>Organization</c>), as the privacy and terms pages name them:
/// <c>Name</c> and <c>Contact</c>, an e-mail address or an https page. Both may be left empty; the
/// pages then speak of "your organisation" and its IT department.
/// </summary>
/// <param name="Contact">As configured, for display.</param>
/// <param name="ContactLink"><c>mailto:</c> for an e-mail address, else the https page itself.</param>
public sealed record Organization(string? Name, string? Contact, Uri? ContactLink)
{
    public const int MaxNameLength = 120;

    public static Organization From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Organization");
        var name = Settings.Text(section, "Name");
        if (name is not null && (name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            throw new SettingException(Settings.Name(section, "Name"), $"is longer than {MaxNameLength} characters or holds a control character.");
        }

        var contact = Settings.Text(section, "Contact");
        return new Organization(name, contact, contact is null ? null : Link(Settings.Name(section, "Contact"), contact));
    }

    private static Uri Link(string setting, string contact)
    {
        if (MailAddress.TryCreate(contact, out var mail) && mail.Address == contact && mail.DisplayName.Length == 0)
        {
            return new Uri("mailto:" + contact);
        }

        if (Uri.TryCreate(contact, UriKind.Absolute, out var page) && page.Scheme == Uri.UriSchemeHttps && page.Host.Length > 0)
        {
            return page;
        }

        throw new SettingException(setting,
            $"'{contact}' is neither an e-mail address (privacy@example.org) nor an https URL (https://example.org/contact).");
    }
}

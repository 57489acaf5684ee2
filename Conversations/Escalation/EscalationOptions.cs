using Microsoft.Extensions.Configuration;
using SecretBot.Protocol.Configuration;

namespace SecretBot.Conversations.Escalation;

/// <summary>
/// The référents' channel (section <c>Escalation</c>): where "Demander l’avis de la personne référente"
/// posts. Without a channel id the button is not offered. Only people of the deploying
/// organisation may post there: the channel's tenant, and the tenants listed in
/// <c>Escalation:AllowedTenants</c>. Each person may post <c>Escalation:PostsPerPerson</c> requests,
/// and each conversation <c>Escalation:PostsPerConversation</c>, then one more every
/// <c>Escalation:RefillInterval</c>. A request can be taken for <c>Escalation:RequestTtl</c>.
/// </summary>
public sealed record EscalationOptions(string? ChannelId, string? ChannelName, string? TenantId)
{
    public bool IsConfigured => ChannelId is not null;

    public IReadOnlySet<string> AllowedTenants { get; init; } = new HashSet<string>();

    public int PostsPerPerson { get; init; } = 3;

    public int PostsPerConversation { get; init; } = 5;

    public TimeSpan RefillInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a request may be taken (« Je m’en occupe ») and its requester told: <c>Escalation:RequestTtl</c>, 7 days.</summary>
    public TimeSpan RequestTtl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether a conversation is the référents' channel or one of its threads: Teams names a thread
    /// « channel id;messageid=… ». Only the channel's tenant counts.
    /// </summary>
    public bool IsReferentsChannel(string? conversationId, string? tenantId) =>
        IsConfigured && conversationId is not null && string.Equals(tenantId, TenantId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(conversationId.Split(';')[0], ChannelId, StringComparison.Ordinal);

    /// <summary>Whether someone of <paramref name="tenantId"/> may post to the référents.</summary>
    public bool Serves(string? tenantId) =>
        IsConfigured && tenantId is not null
                     && (string.Equals(tenantId, TenantId, StringComparison.OrdinalIgnoreCase) || AllowedTenants.Contains(tenantId));

    public static EscalationOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Escalation");
        string? Value(string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();
        var options = new EscalationOptions(Value("ChannelId"), Value("ChannelName"), Value("TenantId"));
        if (options.IsConfigured && options.TenantId is null)
        {
            throw new SettingException("Escalation:TenantId", "a référents' channel needs the tenant id of its team.");
        }

        return options with
        {
            ChannelName = options.ChannelName ?? (options.IsConfigured ? "personnes référentes" : null),
            AllowedTenants = Settings.List(section, "AllowedTenants").ToHashSet(StringComparer.OrdinalIgnoreCase),
            PostsPerPerson = Settings.Int(section, "PostsPerPerson", 1, 100) ?? options.PostsPerPerson,
            PostsPerConversation = Settings.Int(section, "PostsPerConversation", 1, 100) ?? options.PostsPerConversation,
            RefillInterval = Settings.Duration(section, "RefillInterval") ?? options.RefillInterval,
            RequestTtl = Settings.Duration(section, "RequestTtl") ?? options.RequestTtl,
        };
    }
}

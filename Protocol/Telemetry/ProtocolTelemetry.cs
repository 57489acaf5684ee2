using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecretBot.Protocol.Telemetry;

/// <summary>
/// The protocol's meter and activity source. Every project of the bot names its own "SecretBot", so
/// the host exports them all by that one name (Bot/Hosting/TelemetryServices.cs). Only the BCL's
/// System.Diagnostics here: without a listener they cost next to nothing, and the protocol takes no
/// dependency on an exporter.
/// </summary>
internal static class ProtocolTelemetry
{
    public const string Name = "SecretBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}

using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SecretBot.Conversations.Privacy;

/// <summary>
/// Spots what looks like it identifies someone in a channel message: a Belgian national register
/// number (checked by its mod-97 key), a French NIR (with its key), a Belgian or French phone
/// number, an e-mail address, a date of birth, a street address. Article numbers ("458bis",
/// "226-13") and the dates of laws are ordinary text. Only says yes or no: the detail itself is
/// never kept or repeated.
/// <para>
/// Anyone in a channel can send a long message, so the check must cost little whatever the text:
/// the patterns run on the non-backtracking engine (linear in the text), only on its first
/// <see cref="ScannedChars"/> characters, and a match timeout is the last guard. A timeout means
/// no reminder, and is logged once.
/// </para>
/// </summary>
public sealed partial class IdentifyingDetails(ILogger<IdentifyingDetails> logger)
{
    /// <summary>A Teams message is at most about 28 KB; identifying details come early in what people write.</summary>
    public const int ScannedChars = 8 * 1024;

    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private const int TimeoutMs = 250;
    private int _timedOut;

    public bool AreIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            return Scan(text.Length > ScannedChars ? text[..ScannedChars] : text);
        }
        catch (RegexMatchTimeoutException)
        {
            if (Interlocked.Exchange(ref _timedOut, 1) == 0)
            {
                LogTimedOut(TimeoutMs);
            }

            return false;
        }
    }

    /// <summary>The patterns, for the tests that check they are built for linear time.</summary>
    public static IEnumerable<Regex> Patterns =>
        [BelgianNationalNumber(), FrenchNir(), Phone(), Email(), BirthDate(), StreetAddress()];

    private static bool Scan(string text) =>
        HasBelgianNationalNumber(text) || HasFrenchNir(text) || Phone().IsMatch(text) || Email().IsMatch(text)
        || BirthDate().IsMatch(text) || StreetAddress().IsMatch(text);

    private static bool HasBelgianNationalNumber(string text) =>
        BelgianNationalNumber().Matches(text).Any(m =>
        {
            var digits = Digits(m.Groups["n"].Value);
            var body = long.Parse(digits[..9]);
            var key = int.Parse(digits[9..]);
            return key == 97 - (int)(body % 97) || key == 97 - (int)((2_000_000_000L + body) % 97);
        });

    private static bool HasFrenchNir(string text) =>
        FrenchNir().Matches(text).Any(m =>
        {
            var compact = new string(m.Groups["n"].Value.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray()).ToUpperInvariant();
            var body = compact[..13].Replace("2A", "19").Replace("2B", "18");
            return BigInteger.TryParse(body, out var number) && int.Parse(compact[13..]) == 97 - (int)(number % 97);
        });

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

    // The non-backtracking engine has no lookarounds: a number's edges are matched as a character
    // that cannot continue it (or the text's start or end), and the number itself is the group "n".

    // YY.MM.DD-XXX.CC, with or without separators.
    [GeneratedRegex(@"(?:^|[^\d.-])(?<n>\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s.]?\d{3}[.\s]?\d{2})(?:[^\d.-]|$)", Linear, TimeoutMs)]
    private static partial Regex BelgianNationalNumber();

    // Sex, year, month, department (digits or 2A/2B), commune, order, key: 15 characters.
    [GeneratedRegex(@"(?:^|[^\dA-Za-z])(?<n>[12]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[ABab])\s?\d{3}\s?\d{3}\s?\d{2})(?:[^\dA-Za-z]|$)", Linear, TimeoutMs)]
    private static partial Regex FrenchNir();

    // +32 / +33 or a leading 0, then 8 or 9 digits in groups.
    [GeneratedRegex(@"(?:^|[^\w.-])(?:(?:\+|00)3[23]\s?\(?0?\)?\s?[1-9]|0[1-9])(?:[\s./-]?\d){7,8}(?:\D|$)", Linear, TimeoutMs)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", Linear, TimeoutMs)]
    private static partial Regex Email();

    // A date next to a birth cue: "née le 12/03/2010", "date de naissance : 3 mars 2011", "born 2010-03-12".
    [GeneratedRegex(@"(?i)(n[ée]e?s?\s+le|naissance|born|date of birth|dob)\W{0,3}\s*(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}(er)?\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})", Linear, TimeoutMs)]
    private static partial Regex BirthDate();

    // A number and a street word, either way round: "12 rue des Lilas", "Rue Haute 45", "avenue Louise, 231".
    [GeneratedRegex(@"(?i)(\b\d{1,4}\s*(bis|ter|[a-z])?,?\s+(rue|avenue|av\.|boulevard|bd|chauss[ée]e|place|chemin|all[ée]e|impasse|quai|square|route|straat|laan|drève)\s+\p{L})|(\b(rue|avenue|boulevard|chauss[ée]e|place|chemin|all[ée]e|impasse|quai|square|route|straat|laan|drève)\s+(de\s+|du\s+|des\s+|d'|de la\s+)?\p{Lu}[\p{L}'-]+(\s+\p{L}[\p{L}'-]+){0,3},?\s+\d{1,4}\b)", Linear, TimeoutMs)]
    private static partial Regex StreetAddress();

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning,
        Message = "The identifying-details check ran out of time ({TimeoutMs} ms); that message got no privacy reminder. Logged once.")]
    private partial void LogTimedOut(int timeoutMs);
}

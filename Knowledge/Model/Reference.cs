using System.Globalization;

namespace SecretBot.Knowledge.Model;

/// <summary>What a reference is: an article of a code, a law or a decree; a whole text; a court decision.</summary>
public enum ReferenceKind { Article, Text, Judgment }

/// <summary>Where and when a reference's text was read at an official source (or a named faithful copy of one).</summary>
public sealed record Verification(DateOnly On, string Source, Uri? Url);

/// <summary>
/// A legal text cited by answers. Its citation is written from its kind; its statute words are
/// shown only when they were read at the source (<see cref="Verified"/>), otherwise the summary,
/// in the editors' words, with "à vérifier". A reference that no longer applies names the one that
/// replaced it; the card then cites it only as what its successor replaces, for earlier facts.
/// </summary>
public sealed record Reference(
    string Id,
    ReferenceKind Kind,
    LocalizedText Code,
    string? Article,
    DateOnly? Date,
    string? Number,
    LocalizedText Title,
    LocalizedText Summary,
    string? Text,
    LocalizedText? Penalty,
    Uri Url,
    DateOnly AppliesFrom,
    DateOnly? AppliesUntil,
    string? ReplacedBy,
    Verification? Verified,
    string? EditorNote)
{
    public bool IsVerified => Verified is not null;

    /// <summary>Whether it applies on <paramref name="day"/>.</summary>
    public bool AppliesOn(DateOnly day) => AppliesFrom <= day && (AppliesUntil is null || day <= AppliesUntil);

    /// <summary>
    /// "Code pénal (loi du 29 février 2024), livre II, art. 352"; "…, article à vérifier" when the
    /// number is not confirmed; "Cour de cassation, 13 mai 1987"; "Cour constitutionnelle, arrêt n° 44/2019 du 14 mars 2019".
    /// </summary>
    public string Citation(Language language)
    {
        var code = Code.In(language);
        var english = language == Language.En;
        return Kind switch
        {
            ReferenceKind.Article when Article is { Length: > 0 } article => $"{code}, art. {article}",
            ReferenceKind.Article => english ? $"{code}, article to be checked" : $"{code}, article à vérifier",
            ReferenceKind.Judgment when Number is { Length: > 0 } number =>
                english ? $"{code}, judgment no. {number} of {LongDate(Date, language)}" : $"{code}, arrêt n° {number} du {LongDate(Date, language)}",
            ReferenceKind.Judgment => $"{code}, {LongDate(Date, language)}",
            _ => code,
        };
    }

    /// <summary>"1er décembre 2026", "4 December 2026".</summary>
    public static string LongDate(DateOnly? date, Language language)
    {
        if (date is not { } day)
        {
            return "";
        }

        if (language == Language.En)
        {
            return day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        }

        var french = CultureInfo.GetCultureInfo("fr-FR");
        return day.Day == 1 ? $"1er {day.ToString("MMMM yyyy", french)}" : day.ToString("d MMMM yyyy", french);
    }
}

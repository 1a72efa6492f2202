namespace Dossier.Accounts;

/// <summary>
/// The archive's staff. Visitors need no account. An administrator manages users and settings and may do all an
/// editor does; an editor creates, edits, reviews, publishes and withdraws; a contributor creates and edits their own
/// drafts and submits them for review.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Contributor = "Contributor";

    /// <summary>A reader with an account of their own (saved searches): not staff, sees only what visitors see.</summary>
    public const string Researcher = "Researcher";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Contributor];

    /// <summary>A role from what a person types: <c>admin</c>, <c>editor</c>, <c>contributor</c>, <c>researcher</c>, in any case.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "admin" or "administrator" => Administrator,
        "editor" => Editor,
        "contributor" => Contributor,
        "researcher" => Researcher,
        _ => null,
    };
}

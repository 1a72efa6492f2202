using System.Net;
using System.Text.RegularExpressions;

namespace Dossier.Tests;

/// <summary>What a browser sends back from a page's form: its antiforgery token and its fields.</summary>
public static partial class Forms
{
    public static string Token(string page) => AntiforgeryToken().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new Xunit.Sdk.XunitException("the page has no antiforgery token");

    public static FormUrlEncodedContent Content(string token, Dictionary<string, string>? fields = null) =>
        new([new("__RequestVerificationToken", token), .. fields ?? []]);

    /// <summary>The secret of an API token, shown once on the tokens page after it was made.</summary>
    public static string ApiTokenSecret(string page) => TokenSecret().Match(page).Groups[1].Value;

    [GeneratedRegex("<code class=\"token\">([^<]+)</code>")]
    private static partial Regex TokenSecret();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

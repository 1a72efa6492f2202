using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Dossier.Features;

/// <summary>
/// The languages the reading room's pages speak. A reader's choice (the switch, kept in a cookie) wins over the
/// browser's Accept-Language; English when neither names one of them. Only pages are localized: the API, OAI-PMH, IIIF,
/// feeds and CSV files keep one invariant form for the machines that read them.
/// </summary>
public static class InterfaceLanguages
{
    public const string Default = "en";

    /// <summary>Each language with its own name for itself, as the switch shows it.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All = [("en", "English"), ("ru", "Русский"), ("es", "Español")];

    private static readonly string[] MachinePaths = ["/api", "/oai", "/iiif", "/image", "/feeds", "/assets", "/originals", "/health", "/metrics", "/sitemaps"];

    public static IServiceCollection AddInterfaceLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = All.Select(l => new CultureInfo(l.Code)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // "ru-RU" in Accept-Language is Russian here.
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseInterfaceLanguages(this IApplicationBuilder app) =>
        app.UseWhen(context => IsPage(context.Request.Path), pages => pages
            .Use(async (context, next) =>
            {
                // The same address answers in several languages: caches must keep them apart.
                context.Response.Headers.Append("Vary", "Accept-Language, Cookie");
                await next();
            })
            .UseRequestLocalization());

    public static bool IsPage(PathString path) =>
        !MachinePaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && !Path.HasExtension(path.Value);

    /// <summary>The phrases site.js writes into pages, in the page's language, as the JSON the layout gives it.</summary>
    public static string ScriptPhrases(IStringLocalizer<Text> text) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Copied"] = text["Copied"],
        ["Press Ctrl+C to copy"] = text["Press Ctrl+C to copy"],
        ["the original"] = text["the original [file]"],
        ["Pages of {0}"] = text["Pages of {0}"],
        ["Previous page"] = text["Previous page"],
        ["Next page"] = text["Next page"],
        ["Zoom in"] = text["Zoom in"],
        ["Zoom out"] = text["Zoom out"],
        ["{0}: use the arrow keys to turn pages, + and - to zoom"] = text["{0}: use the arrow keys to turn pages, + and - to zoom"],
        ["Page {0} of {1}"] = text["Page {0} of {1}"],
        ["Suggestions"] = text["Suggestions"],
        ["Record"] = text["Record"],
        ["Person"] = text["Person"],
        ["Place"] = text["Place"],
        ["Organization"] = text["Organization"],
        ["On your reading list (remove)"] = text["On your reading list (remove)"],
        ["Add to reading list"] = text["Add to reading list"],
        ["Remove"] = text["Remove"],
        ["Remove {0} from the reading list"] = text["Remove {0} from the reading list"],
        ["Removed from your reading list"] = text["Removed from your reading list"],
        ["Added to your reading list"] = text["Added to your reading list"],
    });

    /// <summary>POST /language: the switch keeps the chosen language for a year and returns to the page it was on.</summary>
    public static void MapInterfaceLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/language", async (HttpContext http) =>
        {
            if (!http.Request.HasFormContentType) return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "A form is expected",
                detail: "send language (and back) as a form");
            var form = await http.Request.ReadFormAsync();
            var chosen = All.FirstOrDefault(l => l.Code == form["language"].ToString()).Code;
            if (chosen is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                detail: "language must be one of " + string.Join(", ", All.Select(l => l.Code)));
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            var back = form["back"].ToString();
            // Only a path on this site: the switch is no open redirect.
            return Results.LocalRedirect(Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(back) && !back.StartsWith('~') ? back : "/");
        }).DisableAntiforgery();
}

using System.Globalization;
using System.Text.Encodings.Web;
using Dossier.Features;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Dossier;

/// <summary>Bodies for bare error statuses: problem details for the API, a short page for readers.</summary>
internal static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || AcceptsJsonOnly(http.Request))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            var written = await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = ReasonPhrases.GetReasonPhrase(status) },
            });
            // A client that asked for something other than JSON still gets the API's one kind of error.
            if (!written) await TypedResults.Problem(statusCode: status, title: ReasonPhrases.GetReasonPhrase(status)).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
        // The app's encoder writes Russian and Spanish as characters (DossierWeb's encoder settings).
        var html = http.RequestServices.GetRequiredService<HtmlEncoder>();
        var phrase = html.Encode(status switch
        {
            StatusCodes.Status404NotFound => text["Not Found"],
            StatusCodes.Status413PayloadTooLarge => text["Payload Too Large"],
            _ => ReasonPhrases.GetReasonPhrase(status),
        });
        var message = html.Encode(status switch
        {
            StatusCodes.Status404NotFound => text["There is no page at this address. Try the search."],
            StatusCodes.Status413PayloadTooLarge => text["The upload is larger than this archive accepts at once. Send fewer or smaller files."],
            _ => text["The request could not be answered."],
        });
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "iv" ? "en" : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{phrase} · Dossier</title></head>" +
            $"<body><main><h1>{phrase}</h1><p>{message}</p><p><a href=\"/\">{html.Encode(text["Home"])}</a> · <a href=\"/search\">{html.Encode(text["Search"])}</a></p></main></body></html>");
    }

    private static bool AcceptsJsonOnly(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}

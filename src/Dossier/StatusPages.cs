using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

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
        var phrase = HtmlEncoder.Default.Encode(ReasonPhrases.GetReasonPhrase(status));
        var message = status switch
        {
            StatusCodes.Status404NotFound => "There is no page at this address. Try the search.",
            StatusCodes.Status413PayloadTooLarge => "The upload is larger than this archive accepts at once. Send fewer or smaller files.",
            _ => "The request could not be answered.",
        };
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{phrase} · Dossier</title></head>" +
            $"<body><main><h1>{phrase}</h1><p>{message}</p><p><a href=\"/\">Home</a> · <a href=\"/search\">Search</a></p></main></body></html>");
    }

    private static bool AcceptsJsonOnly(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}

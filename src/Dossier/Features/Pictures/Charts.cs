using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Pictures;

/// <summary>One bar of a histogram: its label ("1962", "1962-10"), its count, and where a click on it leads (none for an empty one).</summary>
public sealed record Bar(string Label, int Count, string? Href);

/// <summary>One person (or other authority) of a co-mention network: how many records name them with the one at the centre.</summary>
public sealed record Node(int Id, string Name, int Count, string Href);

/// <summary>One point of a map.</summary>
public sealed record Point(string Name, double Latitude, double Longitude, string? Href);

/// <summary>
/// Pictures of the archive drawn on the server as SVG, without script and without anything from elsewhere: records
/// over time, a co-mention network, a map. Each is a figure with a caption, named parts (each bar, node and point has
/// its own accessible name, and links where it leads), the same figures as a table for screen readers and for anyone
/// who would rather read them, and a link to them as CSV. Colours come from the stylesheet (both themes).
/// </summary>
public static class Charts
{
    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Records(IStringLocalizer<Text> text, int n) => text.Plural(n, "{0} record", "{0} records");

    // Figures people read follow the page's language; coordinates in the drawing never do.
    private static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A histogram of counts by year or month; a bar with a link narrows to its period.</summary>
    public static IHtmlContent Histogram(IStringLocalizer<Text> text, string id, string caption, IReadOnlyList<Bar> bars, string column, string csvUrl)
    {
        const double width = 720, height = 180, left = 44, bottom = 24, top = 10;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        // A few years are a few slim bars, not slabs: a bar is at most 48 units wide.
        var slot = bars.Count == 0 ? width - left : Math.Min(48, (width - left) / bars.Count);
        var gap = slot > 6 ? 1.5 : 0.5;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart histogram\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"group\" aria-labelledby=\"{id}-caption\" focusable=\"false\">");
        // The scale: the top count and nought, with the baseline.
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis\" aria-hidden=\"true\"><line x1=\"{N(left)}\" y1=\"{N(height - bottom)}\" x2=\"{N(width)}\" y2=\"{N(height - bottom)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left)}\" y1=\"{N(top)}\" x2=\"{N(width)}\" y2=\"{N(top)}\" class=\"grid\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 6)}\" y=\"{N(top + 4)}\" text-anchor=\"end\">{Number(max)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 6)}\" y=\"{N(height - bottom)}\" text-anchor=\"end\">0</text>");
        // Labels under the bars, as many as fit.
        var every = Math.Max(1, (int)Math.Ceiling(48 / slot));
        for (var i = 0; i < bars.Count; i += every)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + i * slot + slot / 2)}\" y=\"{N(height - 6)}\" text-anchor=\"middle\">{E(bars[i].Label)}</text>");
        svg.Append("</g>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var h = bar.Count == 0 ? 0 : Math.Max(1, (height - bottom - top) * bar.Count / max);
            var label = $"{bar.Label}: {Records(text, bar.Count)}";
            var rect = $"<rect x=\"{N(left + i * slot + gap / 2)}\" y=\"{N(height - bottom - h)}\" width=\"{N(Math.Max(0.5, slot - gap))}\" height=\"{N(h)}\"><title>{E(label)}</title></rect>";
            // The whole column is the target, not only the bar: a short bar is as easy to click as a tall one.
            var target = $"<rect class=\"target\" x=\"{N(left + i * slot)}\" y=\"{N(top)}\" width=\"{N(slot)}\" height=\"{N(height - bottom - top)}\"/>";
            if (bar.Href is not null && bar.Count > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(bar.Href)}\" aria-label=\"{E(label)}\">{target}{rect}</a>");
            else
                svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\">{rect}</g>");
        }
        svg.Append("</svg>");
        var table = Table(caption, [column, text["Records"]], bars.Select(b => new[] { b.Label, Number(b.Count) }));
        return Figure(text, id, caption, svg.ToString(), table, csvUrl);
    }

    /// <summary>
    /// A network: the authority at the centre, the people most often named in the same records around it (nearer the
    /// top, the more often), lines as thick as the records they share, and lines between those who share records too.
    /// </summary>
    public static IHtmlContent Network(IStringLocalizer<Text> text, string id, string caption, Node center, IReadOnlyList<Node> others, IReadOnlyList<(int A, int B, int Records)> links, string csvUrl)
    {
        const double width = 720, height = 440, cx = width / 2, cy = height / 2, radius = 160;
        var max = Math.Max(1, others.Count == 0 ? 1 : others.Max(o => o.Count));
        var place = new Dictionary<int, (double X, double Y)> { [center.Id] = (cx, cy) };
        for (var i = 0; i < others.Count; i++)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / others.Count;
            place[others[i].Id] = (cx + radius * 1.5 * Math.Cos(angle), cy + radius * Math.Sin(angle));
        }
        var maxLink = Math.Max(1, links.Count == 0 ? 1 : links.Max(l => l.Records));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart network\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"group\" aria-labelledby=\"{id}-caption\" focusable=\"false\">");
        svg.Append("<g class=\"links\" aria-hidden=\"true\">");
        foreach (var other in others)
            Line(svg, place[center.Id], place[other.Id], 1 + 5.0 * other.Count / max, "spoke");
        foreach (var (a, b, records) in links)
            if (place.TryGetValue(a, out var pa) && place.TryGetValue(b, out var pb)) Line(svg, pa, pb, 0.5 + 3.0 * records / maxLink, "between");
        svg.Append("</g>");
        foreach (var other in others)
        {
            var (x, y) = place[other.Id];
            var r = 5 + 9.0 * other.Count / max;
            var anchor = x < cx - 1 ? "end" : x > cx + 1 ? "start" : "middle";
            var (tx, ty) = anchor switch { "end" => (x - r - 4, y + 4), "start" => (x + r + 4, y + 4), _ => (x, y < cy ? y - r - 6 : y + r + 14) };
            // The accessible name begins with the words shown (WCAG 2.5.3), then the name in full; no <title> inside,
            // whose text would count as the link's visible text.
            var shown = Short(other.Name);
            var label = (shown == other.Name ? other.Name : $"{shown} ({other.Name})") + ": " + text["named with {0} in {1}", center.Name, Records(text, other.Count)];
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(other.Href)}\" aria-label=\"{E(label)}\"><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(tx)}\" y=\"{N(ty)}\" text-anchor=\"{anchor}\">{E(shown)}</text></a>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"center\"><circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"16\"><title>{E(center.Name)}</title></circle>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(cx)}\" y=\"{N(cy + 34)}\" text-anchor=\"middle\">{E(Short(center.Name))}</text></g>");
        svg.Append("</svg>");
        var table = Table(caption, [text["Name"], text["Records with {0}", center.Name]],
            others.Select(o => new[] { o.Name, Number(o.Count) }), others.Select(o => o.Href).ToList());
        return Figure(text, id, caption, svg.ToString(), table, csvUrl);
    }

    private static void Line(StringBuilder svg, (double X, double Y) a, (double X, double Y) b, double thickness, string kind) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{kind}\" x1=\"{N(a.X)}\" y1=\"{N(a.Y)}\" x2=\"{N(b.X)}\" y2=\"{N(b.Y)}\" stroke-width=\"{N(thickness)}\"/>");

    // "Khrushchev, Nikita Sergeyevich" reads "Khrushchev, N. S." on a picture; the table has the name in full.
    private static string Short(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) return name.Length > 28 ? name[..27] + "…" : name;
        var given = name[(comma + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(g => char.IsLetter(g[0])).Select(g => g[..1] + ".");
        return name[..comma] + ", " + string.Join(' ', given);
    }

    /// <summary>
    /// A map without tiles: the land's outline (Natural Earth's 1:110m land, public domain, in the assembly) in plate
    /// carrée around the points, with a graticule every ten degrees and each point marked and named.
    /// </summary>
    public static IHtmlContent Map(IStringLocalizer<Text> text, string id, string caption, IReadOnlyList<Point> points, string csvUrl)
    {
        // A window 100° wide (50° high) around the points, or wider to hold them all, kept on the globe.
        var (minLon, maxLon) = (points.Min(p => p.Longitude), points.Max(p => p.Longitude));
        var (minLat, maxLat) = (points.Min(p => p.Latitude), points.Max(p => p.Latitude));
        var w = Math.Min(360, Math.Max(100, (maxLon - minLon) * 1.3));
        var h = Math.Min(180, w / 2);
        var x0 = Math.Clamp((minLon + maxLon) / 2 + 180 - w / 2, 0, 360 - w);
        var y0 = Math.Clamp(90 - (minLat + maxLat) / 2 - h / 2, 0, 180 - h);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart map\" viewBox=\"{N(x0)} {N(y0)} {N(w)} {N(h)}\" role=\"group\" aria-labelledby=\"{id}-caption\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"sea\" x=\"{N(x0)}\" y=\"{N(y0)}\" width=\"{N(w)}\" height=\"{N(h)}\" aria-hidden=\"true\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"land\" d=\"{Land.Value}\" aria-hidden=\"true\"/>");
        svg.Append("<g class=\"graticule\" aria-hidden=\"true\">");
        for (var lon = 0; lon <= 360; lon += 10) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lon}\" y1=\"0\" x2=\"{lon}\" y2=\"180\"/>");
        for (var lat = 0; lat <= 180; lat += 10) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{lat}\" x2=\"360\" y2=\"{lat}\"/>");
        svg.Append("</g>");
        var scale = w / 100;
        foreach (var p in points)
        {
            var (x, y) = (p.Longitude + 180, 90 - p.Latitude);
            var label = $"{p.Name}: {Latitude(text, p.Latitude)}, {Longitude(text, p.Longitude)}";
            var mark = $"<circle class=\"point\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(0.9 * scale)}\"><title>{E(label)}</title></circle>" +
                       $"<text x=\"{N(x + 1.6 * scale)}\" y=\"{N(y + 0.7 * scale)}\" font-size=\"{N(2 * scale)}\">{E(p.Name)}</text>";
            svg.Append(p.Href is null ? $"<g role=\"img\" aria-label=\"{E(label)}\">{mark}</g>" : $"<a href=\"{E(p.Href)}\" aria-label=\"{E(label)}\">{mark}</a>");
        }
        svg.Append("</svg>");
        var table = Table(caption, [text["Place"], text["Latitude"], text["Longitude"]],
            points.Select(p => new[] { p.Name, p.Latitude.ToString("0.####", CultureInfo.CurrentCulture), p.Longitude.ToString("0.####", CultureInfo.CurrentCulture) }));
        return Figure(text, id, caption, svg.ToString(), table, csvUrl);
    }

    /// <summary>"23.13° N" — "23,13° с. ш." in Russian.</summary>
    public static string Latitude(IStringLocalizer<Text> text, double value) =>
        Math.Abs(value).ToString("0.##", CultureInfo.CurrentCulture) + "° " + (value >= 0 ? text["N"] : text["S"]);

    /// <summary>"82.38° W" — "82,38° з. д." in Russian.</summary>
    public static string Longitude(IStringLocalizer<Text> text, double value) =>
        Math.Abs(value).ToString("0.##", CultureInfo.CurrentCulture) + "° " + (value >= 0 ? text["E"] : text["W"]);

    private static readonly Lazy<string> Land = new(() =>
    {
        using var stream = typeof(Charts).Assembly.GetManifestResourceStream("pictures/world-land.txt")
                           ?? throw new InvalidOperationException("the land outline is not in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    });

    private static string Table(string caption, string[] columns, IEnumerable<string[]> rows, IReadOnlyList<string>? links = null)
    {
        var html = new StringBuilder("<table><caption>").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var column in columns) html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var i = 0;
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">");
            html.Append(links is not null ? $"<a href=\"{E(links[i])}\">{E(row[0])}</a>" : E(row[0]));
            html.Append("</th>");
            foreach (var cell in row.Skip(1)) html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>");
            i++;
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static HtmlString Figure(IStringLocalizer<Text> text, string id, string caption, string svg, string table, string csvUrl) => new(
        // A keyboard passes a picture's many links (a bar, a person each) in one step: the skip link shows on focus.
        $"<figure class=\"picture\" id=\"{id}\"><figcaption id=\"{id}-caption\">{E(caption)}</figcaption>" +
        $"<a class=\"skip\" href=\"#{id}-after\">{E(text["Skip the picture"])}</a>{svg}" +
        $"<details class=\"figures\"><summary>{E(text["The figures as a table"])}</summary>{table}</details>" +
        $"<p class=\"download\"><a href=\"{E(csvUrl)}\" download type=\"text/csv\">{E(text["Download the figures (CSV)"])}</a></p></figure>" +
        $"<div id=\"{id}-after\" tabindex=\"-1\"></div>");

    /// <summary>Rows as a CSV file (RFC 4180, the export's rules), with a header.</summary>
    public static IResult Csv(string fileName, string[] header, IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder(Dossier.Export.RecordExport.CsvLine(header)).Append("\r\n");
        foreach (var row in rows) text.Append(Dossier.Export.RecordExport.CsvLine(row)).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", fileName);
    }
}

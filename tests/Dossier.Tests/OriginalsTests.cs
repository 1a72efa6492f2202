using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Dossier.Accounts;
using Dossier.Core.Tests;
using Dossier.Core.Tests.Originals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// Originals through the real app: an editor uploads files, the server reads them in the background with the real
/// poppler and Tesseract, visitors search their machine-read text and see their pages, and nothing of an unpublished
/// record's original reaches a visitor.
/// </summary>
public abstract class OriginalsTests(Provider provider) : IAsyncLifetime
{
    private const string Password = ArchiveHost.StaffPassword;
    private ArchiveHost archive = null!;
    private Dictionary<string, int> ids = null!;
    private string files = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        Assert.Equal(5, (await archive.ImportAsync(Corpus.ArchivePages)).Imported);
        ids = await archive.IdsOfCapturesAsync();
        files = TempDirectory.Create("originals");
        var drafts = Path.Combine(files, "drafts.jsonl");
        await File.WriteAllTextAsync(drafts, """{"recordId":"O-1","title":"A draft with a scan","date":"1962-01-01"}""" + "\n");
        await archive.ImportAsync(publish: false, drafts);
        ids["draft"] = await archive.IdOfRecordAsync("O-1");
        await archive.CreateUserAsync("editor@archive.test", Password, Roles.Editor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    [SkippableFact]
    public async Task Uploaded_originals_are_read_in_the_background_searched_and_shown_page_by_page_and_only_to_whom_may_see_them()
    {
        TestDatabases.Require(provider);
        OriginalFiles.RequireTools();
        var born = Path.Combine(files, "born.pdf");
        var scan = Path.Combine(files, "scan.png");
        OriginalFiles.BornDigitalPdf(born);
        OriginalFiles.Png(scan);
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        var record = ids["001"];

        // Three files, one of them a web page named .pdf: refused for what it is, the others attached.
        var answer = await UploadAsync(editor, record, (born, "born.pdf"), (scan, "scan.png"), (WebPage(), "report.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("report.pdf: not attached: not a PDF, TIFF, JPEG or PNG file", answer.Body, StringComparison.Ordinal);
        Assert.Contains("born.pdf: attached, waiting to be read", answer.Body, StringComparison.Ordinal);
        await ReadAsync(editor, record, 2);
        await archive.CatchUpAsync();

        // Searched: by the words only the originals have, in both languages, and as a facet.
        var found = await archive.GetJsonAsync("/api/search?q=Zanzibar");
        Assert.Equal([record], found["hits"]!.AsArray().Select(h => (int)h!["id"]!));
        Assert.Equal(1, (await archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("machine:делегации")))["total"]!.GetValue<int>());
        Assert.Contains((await archive.GetJsonAsync("/api/search"))["facets"]!["text"]!.AsArray(), v => (string?)v!["value"] == "machine-read" && (int)v["count"]! == 1);
        Assert.Equal([record], (await archive.GetJsonAsync("/api/search?text=machine-read"))["hits"]!.AsArray().Select(h => (int)h!["id"]!));

        // Shown page by page, apart from the transcripts, labelled by how the text was read.
        using var visitor = archive.NewClient();
        var page = await new HtmlParser().ParseDocumentAsync(await visitor.GetStringAsync($"/documents/{record}"));
        var originals = page.QuerySelectorAll("section.originals section.original");
        Assert.Equal(["born.pdf", "scan.png"], originals.Select(o => o.QuerySelector("h3")!.TextContent));
        Assert.Contains("Text of the PDF", originals[0].QuerySelector(".machine-read .label")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Machine-read text (OCR)", originals[1].QuerySelector(".machine-read .label")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Zanzibar telegram", originals[0].QuerySelector(".machine-read")!.TextContent, StringComparison.Ordinal);
        var image = originals[0].QuerySelector("img")!;
        Assert.Equal("Page 1 of born.pdf", image.GetAttribute("alt"));
        using (var jpeg = await visitor.GetAsync(image.GetAttribute("src")))
        {
            Assert.Equal(HttpStatusCode.OK, jpeg.StatusCode);
            Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        }
        var download = originals[0].QuerySelector("a[download]")!.GetAttribute("href")!;
        using (var file = await visitor.GetAsync(download))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("born.pdf", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
            Assert.Equal(await File.ReadAllBytesAsync(born), await file.Content.ReadAsByteArrayAsync());
        }

        // Page images are derived: gone (a restored backup has none), they are made again when asked for.
        Directory.Delete(Path.Combine(archive.DataDirectory, "derived"), recursive: true);
        using (var again = await visitor.GetAsync(image.GetAttribute("src")))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using (var noSuchWidth = await visitor.GetAsync(image.GetAttribute("src")!.Replace("/800.jpg", "/801.jpg", StringComparison.Ordinal)))
            Assert.Equal(HttpStatusCode.NotFound, noSuchWidth.StatusCode);

        // The same file on a draft: taken over without reading it again, and seen by the staff only.
        await UploadAsync(editor, ids["draft"], (born, "copy of born.pdf"));
        await ReadAsync(editor, ids["draft"], 1);
        var draftOriginal = (await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/records/{ids["draft"]}")))
            .QuerySelector("section.originals-editing a[download]")!.GetAttribute("href")!;
        foreach (var path in new[] { draftOriginal, draftOriginal + "/pages/1/400.jpg" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(path)).StatusCode);
        }
        Assert.Equal(1, (await archive.GetJsonAsync("/api/search?q=Zanzibar"))["total"]!.GetValue<int>());

        // Taken off: gone from the page; the stored file stays.
        var scanId = originals[1].QuerySelector("a[download]")!.GetAttribute("href")!["/originals/".Length..];
        var token = Forms.Token(await editor.GetStringAsync($"/editor/records/{record}"));
        using (var detach = await editor.PostAsync($"/editor/records/{record}?handler=Detach", Forms.Content(token, new() { ["original"] = scanId })))
            Assert.Equal(HttpStatusCode.Redirect, detach.StatusCode);
        page = await new HtmlParser().ParseDocumentAsync(await visitor.GetStringAsync($"/documents/{record}"));
        Assert.Equal(["born.pdf"], page.QuerySelectorAll("section.originals section.original h3").Select(h => h.TextContent));
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(archive.DataDirectory, "files"), "*", SearchOption.AllDirectories).Count(f => !f.Contains("incoming", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task A_record_with_originals_is_a_IIIF_manifest_with_level_0_images_of_published_records_only()
    {
        TestDatabases.Require(provider);
        OriginalFiles.RequireTools();
        var born = Path.Combine(files, "born.pdf");
        var scan = Path.Combine(files, "scan.png");
        OriginalFiles.BornDigitalPdf(born, pages: 2);
        OriginalFiles.Png(scan);
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        var record = ids["001"];
        await UploadAsync(editor, record, (born, "born.pdf"), (scan, "scan.png"));
        await UploadAsync(editor, ids["draft"], (scan, "draft scan.png"));
        await ReadAsync(editor, record, 2);
        await ReadAsync(editor, ids["draft"], 1);

        using var viewer = archive.NewClient();
        using var response = await viewer.GetAsync($"/iiif/{record}/manifest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Empty(Presentation3.Violations(manifest));
        // The rules are checked, not assumed: a broken copy breaks them.
        var broken = manifest.DeepClone();
        broken["items"]![0]!["width"] = 0;
        broken["label"] = "a plain string";
        broken["items"]![1]!["items"]![0]!["items"]![0]!["target"] = "http://elsewhere.example/canvas";
        Assert.Equal(3, Presentation3.Violations(broken).Count);
        var canvases = manifest["items"]!.AsArray();
        Assert.Equal(["born.pdf, p. 1", "born.pdf, p. 2", "scan.png, p. 1"], canvases.Select(c => (string)c!["label"]!["none"]![0]!));
        Assert.Equal(2, manifest["structures"]!.AsArray().Count);
        Assert.Contains("Zanzibar telegram", (string)canvases[2]!["annotations"]![0]!["items"]![0]!["body"]!["value"]!, StringComparison.Ordinal);
        Assert.Equal("ru", (string?)manifest["annotations"]![0]!["items"]!.AsArray().Select(a => a!["body"]!["language"]).Last());
        Assert.Contains(manifest["metadata"]!.AsArray(), m => (string)m!["label"]!["en"]![0]! == "Date");

        // Every image the manifest paints is served, and its level 0 service lists the sizes it serves.
        foreach (var canvas in canvases)
        {
            var body = canvas!["items"]![0]!["items"]![0]!["body"]!;
            var (width, height) = await ImageSizeAsync(viewer, (string)body["id"]!);
            Assert.Equal(((int)canvas["width"]!, (int)canvas["height"]!), (width, height));
            var service = (string)body["service"]![0]!["id"]!;
            var info = System.Text.Json.Nodes.JsonNode.Parse(await viewer.GetStringAsync(service + "/info.json"))!;
            Assert.Equal(("ImageService3", "level0", service), ((string)info["type"]!, (string)info["profile"]!, (string)info["id"]!));
            Assert.Equal((width, height), ((int)info["width"]!, (int)info["height"]!));
            var sizes = info["sizes"]!.AsArray().Select(s => ((int)s!["width"]!, (int)s["height"]!)).ToList();
            Assert.Contains((150, PageImagesHeight(150, width, height)), sizes);
            foreach (var (w, h) in sizes) Assert.Equal((w, h), await ImageSizeAsync(viewer, $"{service}/full/{w},/0/default.jpg"));
            foreach (var unsupported in new[] { "0,0,10,10/max/0/default.jpg", "full/123,/0/default.jpg", "full/max/90/default.jpg", "full/max/0/gray.jpg" })
            {
                using var refused = await viewer.GetAsync($"{service}/{unsupported}");
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            }
        }

        // A draft's original and a record without one have no manifest and no images, for a visitor or the staff.
        var draftOriginal = (await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/records/{ids["draft"]}")))
            .QuerySelector("section.originals-editing a[download]")!.GetAttribute("href")!["/originals/".Length..];
        foreach (var client in new[] { viewer, editor })
        {
            foreach (var path in new[] { $"/iiif/{ids["draft"]}/manifest", $"/iiif/image/{draftOriginal}-1/info.json", $"/iiif/image/{draftOriginal}-1/full/max/0/default.jpg", $"/iiif/{ids["002"]}/manifest" })
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
        var page = await new HtmlParser().ParseDocumentAsync(await viewer.GetStringAsync($"/documents/{record}"));
        Assert.Equal($"/iiif/{record}/manifest", page.QuerySelector("p.iiif a")!.GetAttribute("href"));
    }

    private static int PageImagesHeight(int width, int fullWidth, int fullHeight) => Dossier.Originals.PageImages.HeightAt(width, fullWidth, fullHeight);

    private static async Task<(int Width, int Height)> ImageSizeAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return (codec.Info.Width, codec.Info.Height);
    }

    [SkippableFact]
    public async Task A_reader_whose_lease_was_taken_over_stops_quietly_and_a_file_of_too_many_pages_is_refused()
    {
        TestDatabases.Require(provider);
        OriginalFiles.RequireTools();
        var pdf = Path.Combine(files, "two.pdf");
        OriginalFiles.BornDigitalPdf(pdf, pages: 2);
        // An archive of its own whose server reads nothing: the two readers here are the only ones.
        await using var quiet = await ArchiveHost.StartAsync(provider, "--Dossier:Originals:Read=false");
        await quiet.ImportAsync(Corpus.Page("002"));
        var record = (await quiet.GetJsonAsync("/api/search"))["hits"]!.AsArray().Single()!["id"]!.GetValue<int>();
        await using var slow = quiet.Services.CreateAsyncScope();
        await using var quick = quiet.Services.CreateAsyncScope();
        var attached = await slow.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalAttachment>()
            .AttachAsync(record, [("two.pdf", () => File.OpenRead(pdf))], "test");
        var id = attached.Single().Original!.Id;
        var slowReading = slow.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalReading>();
        var held = await slowReading.ClaimAsync();
        Assert.Equal(id, held!.Id);
        // Its lease runs out (a page took too long); the quick reader takes the original over and reads it.
        var db = quick.ServiceProvider.GetRequiredService<Dossier.Data.DossierDb>().WholeArchive();
        await db.Originals.Where(o => o.Id == id).ExecuteUpdateAsync(set => set.SetProperty(o => o.LeasedUntil, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        var quickReading = quick.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalReading>();
        var taken = await quickReading.ClaimAsync();
        Assert.Equal(id, taken!.Id);
        // The slow reader goes on: its first save is refused, and it stops without a word, leaving the original to the other.
        await slowReading.ReadAsync(held);
        await quickReading.ReadAsync(taken);
        var stored = await db.Originals.AsNoTracking().Include(o => o.Pages).SingleAsync(o => o.Id == id);
        Assert.Equal((Dossier.Originals.ReadingState.Read, 0, 2, null), (stored.State, stored.Attempts, stored.Pages.Count, stored.Problem));

        // A PDF of more pages than an original may have fails, saying so.
        var many = Path.Combine(files, "many.pdf");
        OriginalFiles.BornDigitalPdf(many, ["A page."], pages: Dossier.Originals.OriginalReader.MaxPages + 1);
        var large = (await quick.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalAttachment>()
            .AttachAsync(record, [("many.pdf", () => File.OpenRead(many))], "test")).Single().Original!.Id;
        Assert.Equal((0, 1), await quickReading.ReadAllDueAsync());
        var refused = await db.Originals.AsNoTracking().SingleAsync(o => o.Id == large);
        Assert.Equal(Dossier.Originals.ReadingState.Failed, refused.State);
        Assert.Equal($"it has {Dossier.Originals.OriginalReader.MaxPages + 1} pages, more than the {Dossier.Originals.OriginalReader.MaxPages} an original may have here", refused.Problem);
    }

    [SkippableFact]
    public async Task A_contributor_changes_the_originals_of_their_own_drafts_only_and_sees_no_one_elses()
    {
        TestDatabases.Require(provider);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
        var png = Path.Combine(files, "scan.png");
        OriginalFiles.Png(png);
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        await UploadAsync(editor, ids["draft"], (png, "draft scan.png"));
        var draftOriginal = (await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/records/{ids["draft"]}")))
            .QuerySelector("section.originals-editing a[download]")!.GetAttribute("href")!;

        using var contributor = await archive.SignInAsync("contributor@archive.test", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync(draftOriginal)).StatusCode);

        // Their own record: changed while a draft, not once published.
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Dossier.Data.DossierDb>().WholeArchive();
            var me = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>()
                .FindByEmailAsync("contributor@archive.test"))!.Id;
            await db.Records.Where(r => r.Id == ids["draft"]).ExecuteUpdateAsync(set => set.SetProperty(r => r.OwnerId, me));
        }
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync(draftOriginal)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync(contributor, ids["draft"], (png, "again.png"))).Status);
        var token = Forms.Token(await editor.GetStringAsync($"/editor/records/{ids["draft"]}"));
        using (var publish = await editor.PostAsync($"/editor/records/{ids["draft"]}?handler=Publish", Forms.Content(token)))
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var page = await contributor.GetStringAsync($"/editor/records/{ids["draft"]}");
        Assert.Contains("changed by an editor", page, StringComparison.Ordinal);
        token = Forms.Token(page);
        using var refused = await contributor.PostAsync($"/editor/records/{ids["draft"]}?handler=Detach", Forms.Content(token, new() { ["original"] = draftOriginal["/originals/".Length..] }));
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private string WebPage()
    {
        var path = Path.Combine(files, "report.html");
        File.WriteAllText(path, "<!doctype html><html><body>Not a PDF</body></html>");
        return path;
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, int record, params (string Path, string Name)[] uploads)
    {
        var token = Forms.Token(await client.GetStringAsync($"/editor/records/{record}"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (path, name) in uploads)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }
        using var response = await client.PostAsync($"/editor/records/{record}?handler=Attach", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Waits for the server's worker to have read the record's originals, as the editor's page shows them.</summary>
    private static async Task ReadAsync(HttpClient editor, int record, int count)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(90);
        while (true)
        {
            var page = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/records/{record}"));
            var states = page.QuerySelectorAll("td.reading-state").Select(s => (s.GetAttribute("data-state"), s.TextContent)).ToList();
            if (states.Count == count && states.All(s => s.Item1 == "Read")) return;
            Assert.DoesNotContain(states, s => s.Item1 == "Failed");
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "not read in time: " + string.Join("; ", states.Select(s => s.TextContent)));
            await Task.Delay(250);
        }
    }
}

public sealed class OriginalsTestsOnSqlite() : OriginalsTests(Provider.Sqlite);

public sealed class OriginalsTestsOnPostgres() : OriginalsTests(Provider.Postgres);

/// <summary><c>dossier attach</c> and <c>dossier ocr</c>: originals from the command line, read with progress, failures said per file.</summary>
public class OriginalsCommandTests
{
    [SkippableFact]
    public async Task Attach_reads_a_TIFF_and_a_scanned_PDF_reports_an_encrypted_one_and_the_server_finds_their_words()
    {
        OriginalFiles.RequireTools();
        var data = TempDirectory.Create("attach");
        var files = TempDirectory.Create("attach-files");
        var (code, output) = await DossierProcess.RunAsync("import", Corpus.Page("001"), "--publish", "--data", data);
        Assert.True(code == 0, output);
        OriginalFiles.Tiff(Path.Combine(files, "scan.tif"), pages: 2);
        OriginalFiles.ImageOnlyPdf(Path.Combine(files, "scan.pdf"));
        OriginalFiles.EncryptedPdf(Path.Combine(files, "locked.pdf"));
        await File.WriteAllTextAsync(Path.Combine(files, "notes.pdf"), "not a PDF");

        (code, output) = await DossierProcess.RunAsync("attach", "1", Path.Combine(files, "scan.tif"), Path.Combine(files, "scan.pdf"),
            Path.Combine(files, "locked.pdf"), Path.Combine(files, "notes.pdf"), Path.Combine(files, "missing.pdf"), "--data", data);
        Assert.Equal(1, code);
        Assert.Contains("attached: scan.tif (TIFF,", output, StringComparison.Ordinal);
        Assert.Contains("refused: notes.pdf: not a PDF, TIFF, JPEG or PNG file", output, StringComparison.Ordinal);
        Assert.Contains("missing.pdf: no such file", output, StringComparison.Ordinal);
        Assert.Contains("Attached 3 of 5 files to record 1.", output, StringComparison.Ordinal);
        Assert.Contains("Reading originals (pages): ", output, StringComparison.Ordinal);
        Assert.Contains("Read 2 originals, failed 1.", output, StringComparison.Ordinal);
        Assert.Contains("failed: record 1, locked.pdf: the PDF is encrypted with a password", output, StringComparison.Ordinal);

        (code, output) = await DossierProcess.RunAsync("ocr", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("Read 0 originals, failed 0.", output, StringComparison.Ordinal);
        (code, output) = await DossierProcess.RunAsync("attach", "999", Path.Combine(files, "scan.pdf"), "--data", data);
        Assert.Equal(2, code);
        Assert.Contains("the archive has no record 999", output, StringComparison.Ordinal);

        await using var archive = await ArchiveHost.StartOnAsync(data);
        Assert.Equal(1, (await archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("занзибарской телеграмме")))["total"]!.GetValue<int>());
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/documents/1"));
        Assert.Equal(3, page.QuerySelectorAll("section.originals li.page").Length);
        Assert.Contains("Its pages cannot be shown.", page.QuerySelector("section.originals")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_finds_a_flipped_byte_and_a_missing_file_with_their_records_and_a_server_verifies_on_schedule()
    {
        var data = TempDirectory.Create("verify");
        var files = TempDirectory.Create("verify-files");
        var (code, output) = await DossierProcess.RunAsync("import", Corpus.Page("001"), "--publish", "--data", data);
        Assert.True(code == 0, output);
        OriginalFiles.BornDigitalPdf(Path.Combine(files, "born.pdf"));
        OriginalFiles.Png(Path.Combine(files, "scan.png"));
        (code, output) = await DossierProcess.RunAsync("attach", "1", Path.Combine(files, "born.pdf"), Path.Combine(files, "scan.png"), "--later", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("They wait to be read", output, StringComparison.Ordinal);

        (code, output) = await DossierProcess.RunAsync("verify", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("Verified 2 files: 0 damaged, 0 missing.", output, StringComparison.Ordinal);

        // A backup holds the stored files (under their hashes, in the manifest) and not the page images made from them.
        Directory.CreateDirectory(Path.Combine(data, "derived", "ab"));
        await File.WriteAllTextAsync(Path.Combine(data, "derived", "ab", "1-150.jpg"), "derived");
        var backup = Path.Combine(TempDirectory.Create("verify-backup"), "backup");
        (code, output) = await DossierProcess.RunAsync("backup", backup, "--data", data);
        Assert.True(code == 0, output);
        var manifest = await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(data, "files"), "*", SearchOption.AllDirectories))
            Assert.Contains(Path.GetRelativePath(data, file).Replace('\\', '/'), manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("derived/", manifest, StringComparison.Ordinal);

        // One bit of one file flipped, the other file gone.
        var stored = Directory.EnumerateFiles(Path.Combine(data, "files"), "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).Length == 64).Order().ToList();
        Assert.Equal(2, stored.Count);
        File.SetAttributes(stored[0], FileAttributes.Normal);
        var bytes = await File.ReadAllBytesAsync(stored[0]);
        bytes[bytes.Length / 2] ^= 0x10;
        await File.WriteAllBytesAsync(stored[0], bytes);
        File.SetAttributes(stored[1], FileAttributes.Normal);
        File.Delete(stored[1]);
        (code, output) = await DossierProcess.RunAsync("verify", "--data", data);
        Assert.Equal(1, code);
        Assert.Contains($"{Path.GetFileName(stored[0])}: damaged, its bytes now hash to ", output, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(stored[1])}: missing (record 1)", output, StringComparison.Ordinal);
        Assert.Contains("Verified 2 files: 1 damaged, 1 missing.", output, StringComparison.Ordinal);

        // A server verifies when none did for the interval, and its administrators see the last result.
        await using var archive = await ArchiveHost.StartOnAsync(data, "--Dossier:Fixity:Interval=00:00:01", "--Dossier:Originals:Read=false");
        await archive.CreateUserAsync("admin@archive.test", ArchiveHost.StaffPassword, Roles.Administrator);
        using var admin = await archive.SignInAsync("admin@archive.test", ArchiveHost.StaffPassword);
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("/admin/fixity"));
            var rows = page.QuerySelectorAll("table.records tbody tr");
            if (rows.Length >= 3 && rows[0].Children[2].TextContent == "2")
            {
                Assert.Contains("1 damaged, 1 missing", page.QuerySelector(".last-check")!.TextContent, StringComparison.Ordinal);
                Assert.Contains("missing (record 1)", rows[0].TextContent, StringComparison.Ordinal);
                break;
            }
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "no scheduled verification: " + page.QuerySelector("main")!.TextContent);
            await Task.Delay(250);
        }
        using var visitor = archive.NewClient();
        using var denied = await visitor.GetAsync("/admin/fixity");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    [SkippableFact]
    public async Task An_import_attaches_the_originals_beside_its_captures_and_named_by_its_records_and_rows_and_reads_them()
    {
        OriginalFiles.RequireTools();
        var folder = TempDirectory.Create("import-originals");
        var capture = Path.GetFileNameWithoutExtension(Corpus.Page("001"));
        File.Copy(Corpus.Page("001"), Path.Combine(folder, capture + ".txt"));
        OriginalFiles.ImageOnlyPdf(Path.Combine(folder, capture + ".pdf"));
        Directory.CreateDirectory(Path.Combine(folder, "scans"));
        OriginalFiles.Png(Path.Combine(folder, "scans", "j1.png"));
        OriginalFiles.Tiff(Path.Combine(folder, "scans", "c1.tif"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "records.jsonl"),
        [
            """{"recordId":"J-1","title":"A memorandum with its scan","date":"1963-02-01","originals":["scans/j1.png","scans/missing.pdf"]}""",
            """{"recordId":"J-2","title":"A memorandum reaching out","date":"1963-02-02","originals":["../outside.pdf"]}""",
        ]);
        await File.WriteAllTextAsync(Path.Combine(folder, "sheet.csv"), "Title,Date,Scan\n\"A telegram with a TIFF\",1963-02-03,scans/c1.tif\n");
        var map = Path.Combine(TempDirectory.Create("import-map"), "map.json");
        await File.WriteAllTextAsync(map, """{ "columns": { "Title": "title", "Date": "date", "Scan": "originals" } }""");
        var data = TempDirectory.Create("import-originals-data");

        var (code, output) = await DossierProcess.RunAsync("import", folder, "--publish", "--map", map, "--data", data);
        Assert.True(code == 1, output);
        Assert.Contains("Imported 3, updated 0, unchanged 0, failed 2.", output, StringComparison.Ordinal);
        Assert.Contains("records.jsonl:1: original missing.pdf: no such file", output, StringComparison.Ordinal);
        Assert.Contains("records.jsonl:2: originals: '../outside.pdf' is not a path inside the file's folder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", output, StringComparison.Ordinal);
        Assert.Contains("Read 3 originals, failed 0.", output, StringComparison.Ordinal);

        // Again: nothing new, nothing attached twice.
        (code, output) = await DossierProcess.RunAsync("import", folder, "--publish", "--map", map, "--data", data);
        Assert.Contains("Imported 0, updated 0, unchanged 3, failed 2.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Reading originals", output, StringComparison.Ordinal);

        await using var archive = await ArchiveHost.StartOnAsync(data);
        var found = await archive.GetJsonAsync("/api/search?q=Zanzibar&size=10");
        Assert.Equal(3, found["total"]!.GetValue<int>());
        var j1 = await archive.IdOfRecordAsync("J-1");
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/documents/{j1}"));
        Assert.Equal(["j1.png"], page.QuerySelectorAll("section.originals h3").Select(h => h.TextContent));
    }
}

/// <summary>What the reading room says when originals cannot be taken or read: too large, or the programs missing.</summary>
public class OriginalLimitsTests
{
    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_by_name_and_the_others_are_attached()
    {
        await using var archive = await ArchiveHost.StartAsync("--Dossier:Originals:MaxUploadBytes=20000", "--Dossier:Originals:Read=false");
        await archive.ImportAsync(Corpus.Page("001"));
        await archive.CreateUserAsync("editor@archive.test", ArchiveHost.StaffPassword, Roles.Editor);
        using var editor = await archive.SignInAsync("editor@archive.test", ArchiveHost.StaffPassword);
        var folder = TempDirectory.Create("limits");
        OriginalFiles.Png(Path.Combine(folder, "large.png"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "small.png"), await File.ReadAllBytesAsync(Path.Combine(folder, "large.png")) is var png && png.Length > 20000
            ? SmallPng() : throw new InvalidOperationException("the test page is expected to be over 20,000 bytes"));
        var token = Forms.Token(await editor.GetStringAsync("/editor/records/1"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(folder, "large.png"))), "files", "large.png");
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(folder, "small.png"))), "files", "small.png");
        using var response = await editor.PostAsync("/editor/records/1?handler=Attach", form);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("large.png: not attached: larger than the 20 KB a file may be", body, StringComparison.Ordinal);
        Assert.Contains("small.png: attached, waiting to be read", body, StringComparison.Ordinal);
    }

    // A one-pixel PNG: what a browser would send as a tiny image.
    private static byte[] SmallPng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1, 1);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task Without_poppler_and_Tesseract_the_command_line_says_what_to_install_and_the_file_waits_for_it()
    {
        var data = TempDirectory.Create("no-tools");
        var files = TempDirectory.Create("no-tools-files");
        var (code, output) = await DossierProcess.RunAsync("import", Corpus.Page("001"), "--publish", "--data", data);
        Assert.True(code == 0, output);
        OriginalFiles.BornDigitalPdf(Path.Combine(files, "letter.pdf"));
        // Only the folder of dotnet itself on the PATH: no pdfinfo, no tesseract.
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
        (code, output) = await DossierProcess.RunAsync(["attach", "1", Path.Combine(files, "letter.pdf"), "--data", data], new() { ["PATH"] = dotnet });
        Assert.Equal(1, code);
        Assert.Contains("Warning: pdfinfo is not installed (Debian: apt-get install poppler-utils)", output, StringComparison.Ordinal);
        Assert.Contains("Warning: tesseract is not installed (Debian: apt-get install tesseract-ocr)", output, StringComparison.Ordinal);
        Assert.Contains("failed: record 1, letter.pdf: pdfinfo is not installed on this machine (Debian: apt-get install poppler-utils)", output, StringComparison.Ordinal);
    }
}


using System.Net;
using Dossier.Accounts;
using Dossier.Data;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>The form for every field of a record, through the real app: creating, validating, editing transcripts.</summary>
public abstract class EditingTests(Provider provider) : IAsyncLifetime
{
    private const string Password = ArchiveHost.StaffPassword;
    private ArchiveHost archive = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        await archive.CreateUserAsync("editor@archive.test", Password, Roles.Editor);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => "Form." + f.Name, f => f.Value);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = Forms.Token(await client.GetStringAsync(path));
        return await client.PostAsync(path, Forms.Content(token, fields));
    }

    [SkippableFact]
    public async Task An_editor_creates_a_record_by_hand_with_its_transcripts_as_a_draft()
    {
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        using var response = await PostAsync(editor, "/editor/edit", Fields(
            ("Title", "Record of Conversation between Mikoyan and Castro"), ("Date", "1962-11"), ("Type", "Memorandum of Conversation"),
            ("SourceText", "AVP RF, f. 0104, op. 18, p. 120, d. 3, ll. 1-6"), ("Translators", "Svetlana Savranskaya\nAnna Melyakova"),
            ("Transcripts[0].Language", "English"), ("Transcripts[0].Text", "Mikoyan said the missiles would go."),
            ("Transcripts[1].Language", "ru"), ("Transcripts[1].Text", "Микоян сказал.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var record = await RecordAsync(id);
        Assert.Equal(PublicationStatus.Draft, record.Status);
        Assert.Equal(("0104", "120", "1-6"), (record.Source.Fond, record.Source.Papka, record.Source.Pages));
        Assert.Equal(["Svetlana Savranskaya", "Anna Melyakova"], record.Translators);
        Assert.Equal(["en", "ru"], record.Transcripts.OrderBy(t => t.Position).Select(t => t.Language));
        Assert.Equal(["en", "ru"], record.Languages);
        Assert.Contains("created", await editor.GetStringAsync($"/editor/records/{id}/history"));
        // A draft: not for visitors.
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/documents/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Invalid_fields_are_answered_with_their_messages_next_to_them_and_nothing_is_saved()
    {
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        using var response = await PostAsync(editor, "/editor/edit", Fields(
            ("Title", ""), ("Date", "27 October 1962"), ("Languages", "en, Klingonese"),
            ("Transcripts[0].Language", "en"), ("Transcripts[0].Text", "One."),
            ("Transcripts[1].Language", "English"), ("Transcripts[1].Text", "Two.")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("data-valmsg-for=\"Form.Title\"[^>]*>A record needs a title.<", page);
        Assert.Matches("data-valmsg-for=\"Form.Date\"[^>]*>Write the date as YYYY", page);
        Assert.Matches("data-valmsg-for=\"Form.Languages\"[^>]*>'Klingonese' is not a language code", page);
        Assert.Matches("data-valmsg-for=\"Form.Transcripts\\[1\\].Language\"[^>]*>There is already a transcript in English", page);
        await using var scope = archive.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive().Records.CountAsync());
    }

    [SkippableFact]
    public async Task Editing_changes_fields_removes_and_adds_transcripts_and_a_contributor_edits_only_their_drafts()
    {
        using var contributor = await archive.SignInAsync("contributor@archive.test", Password);
        using var created = await PostAsync(contributor, "/editor/edit", Fields(
            ("Title", "Letter from Khrushchev"), ("Date", "1962-10-26"), ("Summary", "A first summary."),
            ("Transcripts[0].Language", "en"), ("Transcripts[0].Text", "The translation."),
            ("Transcripts[1].Language", "ru"), ("Transcripts[1].Text", "Оригинал.")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        using var edited = await PostAsync(contributor, $"/editor/edit/{id}", Fields(
            ("Title", "Letter from Khrushchev to Kennedy"), ("Date", "1962-10-26"), ("Summary", "A better summary."),
            ("Transcripts[0].Language", "en"), ("Transcripts[0].Text", "The translation, corrected."),
            ("Transcripts[1].Language", "ru"), ("Transcripts[1].Text", "Оригинал."), ("Transcripts[1].Remove", "true"),
            ("Transcripts[2].Language", "es"), ("Transcripts[2].Text", "La traducción.")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var record = await RecordAsync(id);
        Assert.Equal(("Letter from Khrushchev to Kennedy", "A better summary."), (record.Title, record.Summary));
        Assert.Equal([("en", "The translation, corrected."), ("es", "La traducción.")], record.Transcripts.OrderBy(t => t.Position).Select(t => (t.Language, t.Text)));
        var diff = WebUtility.HtmlDecode(await contributor.GetStringAsync($"/editor/records/{id}/history"));
        Assert.Contains("edited", diff);
        Assert.Contains("Transcript (ru)", diff);

        // Submitted, the record is no longer the contributor's to edit.
        var token = Forms.Token(await contributor.GetStringAsync($"/editor/records/{id}"));
        using (await contributor.PostAsync($"/editor/records/{id}?handler=Submit", Forms.Content(token))) { }
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/editor/edit/{id}")).StatusCode);
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/editor/edit/{id}")).StatusCode);
    }

    private Task<ArchivalRecord> RecordAsync(int id) => archive.StoredRecordAsync(id);
}

public sealed class EditingTestsOnSqlite() : EditingTests(Provider.Sqlite);

public sealed class EditingTestsOnPostgres() : EditingTests(Provider.Postgres);

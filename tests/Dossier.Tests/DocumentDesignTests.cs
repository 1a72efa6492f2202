using Dossier.Core.Tests;
using Dossier.Features.Documents;
using Dossier.Import.PageCaptures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests;

/// <summary>Long documents as an archive sets them: the archival head, notes and signature apart, translations beside originals.</summary>
public sealed class DocumentDesignTests
{
    private static string Transcript(string capture, string language) =>
        PageCaptureParser.Parse(Corpus.ReadPage(capture)).ToRecord().Transcripts.Single(t => t.Language == language).Text;

    [Fact]
    public void The_archival_head_is_told_from_the_text_that_follows_it()
    {
        var parts = TranscriptLayout.Parts(Transcript("001", "en"));
        Assert.Equal(new TranscriptPart(PartKind.Marking, "SECRET. Copy Nº 1"), parts[0]);
        Assert.Equal(new TranscriptPart(PartKind.Heading, "13 April 1962"), parts[1]);
        Assert.Equal(new TranscriptPart(PartKind.Marking, "Outgoing Nº 133"), parts[2]);
        var text = parts.First(p => p.Kind == PartKind.Paragraph);
        Assert.Equal("I met with Fidel Castro at my apartment.", text.Text);
        // Nothing after the text begins is a head again.
        Assert.DoesNotContain(parts.SkipWhile(p => p != text), p => p.Kind is PartKind.Marking or PartKind.Heading);

        var russian = TranscriptLayout.Parts(Transcript("001", "ru"));
        Assert.Equal(PartKind.Marking, russian.First(p => p.Text.StartsWith("Исх.", StringComparison.Ordinal)).Kind);
        Assert.Equal(PartKind.Signature, russian[^1].Kind);
        Assert.StartsWith("ПОСОЛ СССР В РЕСПУБЛИКЕ КУБА", russian[^1].Text, StringComparison.Ordinal);

        var stamped = TranscriptLayout.Parts(Transcript("003", "en"));
        Assert.Equal(new TranscriptPart(PartKind.Marking, "[Stamp]: Declassified"), stamped[0]);
        Assert.Contains(stamped, p => p.Kind == PartKind.Marking && p.Text == "Secret Copy No 2");
    }

    [Fact]
    public void Notes_stand_apart_and_notes_within_a_paragraph_are_marked()
    {
        var parts = TranscriptLayout.Parts(Transcript("003", "en"));
        Assert.Contains(parts, p => p.Kind == PartKind.Note && p.Text.StartsWith("[Translator’s note: The last half", StringComparison.Ordinal));
        var handwritten = TranscriptLayout.Parts(Transcript("000", "en"));
        Assert.Contains(handwritten, p => p.Kind == PartKind.Note && p.Text.StartsWith("[Handwritten note at the bottom", StringComparison.Ordinal));

        Assert.Equal(PartKind.Paragraph, TranscriptLayout.Parts("Text.\n\n[Notebook entries follow] and so on.\n\nMore.")[1].Kind);
        Assert.Equal(PartKind.Note, TranscriptLayout.Parts("Text.\n\n[Editor’s note: a page is missing.]\n\nMore.")[1].Kind);
        Assert.Equal("is <span class=\"inline-note\">[Translator’s note: one line is <mark>faded</mark>]</span> artificial",
            TranscriptLayout.MarkInlineNotes("is [Translator’s note: one line is <mark>faded</mark>] artificial"));
    }

    [Theory]
    [InlineData("Dear Mr. Chairman:\n\nThank you for your letter.", PartKind.Paragraph)]
    [InlineData("Memorandum of Conversation\n\nWashington, October 27, 1962, 4 p.m.\n\nThe President met the Ambassador.", PartKind.Heading)]
    [InlineData("Only one short line", PartKind.Paragraph)]
    [InlineData("12 марта 1962 г.\n\nСегодня вечером в посольстве нами был устроен прием.", PartKind.Heading)]
    [InlineData("March 12, 1962.\n\nThe Ambassador called.", PartKind.Heading)]
    [InlineData("Yes.\n\nThe Ambassador called.", PartKind.Paragraph)]
    [InlineData("TOP SECRET\n\nThe text.", PartKind.Marking)]
    public void The_first_paragraph_is_read_for_what_it_is(string text, PartKind first) =>
        Assert.Equal(first, TranscriptLayout.Parts(text)[0].Kind);

    [Fact]
    public void Transcripts_pair_off_when_their_parts_do()
    {
        var english = TranscriptLayout.Parts("SECRET\n\nFirst.\n\nSecond.");
        var russian = TranscriptLayout.Parts("СЕКРЕТНО\n\nПервый.\n\nВторой.");
        Assert.True(TranscriptLayout.Align([english, russian]));
        Assert.False(TranscriptLayout.Align([english, TranscriptLayout.Parts("СЕКРЕТНО\n\nПервый и второй.")]));
        Assert.False(TranscriptLayout.Align([english, TranscriptLayout.Parts("Первый.\n\nВторой.\n\n[Примечание переводчика: третий]")]));
        Assert.False(TranscriptLayout.Align([english, TranscriptLayout.Parts("Нулевой.\n\nПервый.\n\nВторой.")]));
        // The Kudryavtsev journal's Russian is another telegram's text: no pairing pretended.
        Assert.False(TranscriptLayout.Align([TranscriptLayout.Parts(Transcript("001", "en")), TranscriptLayout.Parts(Transcript("001", "ru"))]));
    }

    [Fact]
    public async Task Side_by_side_each_paragraph_begins_beside_its_translation_and_the_head_is_set_apart()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var file = Path.Combine(TempDirectory.Create("design"), "pair.jsonl");
        const string english = "SECRET. Copy Nº 1\n\n12 March 1962\n\nThe first paragraph is long in English, and runs on over several lines of the column so that the second paragraph of the translation would begin far lower than the second paragraph of the original if the columns were not aligned, which they are. It keeps going to make sure.\n\nThe second paragraph.\n\n[Translator’s note: the third paragraph is in the margin.]\n\nThe third.";
        const string russian = "СЕКРЕТНО. Экз. № 1\n\n12 марта 1962 г.\n\nПервый абзац короткий.\n\nВторой абзац.\n\n[Примечание переводчика: на полях.]\n\nТретий.";
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new
        {
            recordId = "PAIR-1",
            title = "A Telegram and Its Original",
            date = "1962-03-12",
            transcripts = new[] { new { language = "en", text = english }, new { language = "ru", text = russian } },
        }) + "\n");
        await archive.ImportAsync(file);
        var id = await archive.IdOfRecordAsync("PAIR-1");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        await page.GotoAsync($"/documents/{id}?view=parallel");
        await Expect(page.Locator(".parallel.aligned")).ToHaveCountAsync(1);
        var en = page.Locator("section.transcript[lang=en] > p");
        var ru = page.Locator("section.transcript[lang=ru] > p");
        await Expect(en).ToHaveCountAsync(6);
        await Expect(page.Locator("section.transcript[lang=en] > p.marking")).ToHaveTextAsync("SECRET. Copy Nº 1");
        await Expect(page.Locator("section.transcript[lang=ru] > p.note")).ToHaveTextAsync("[Примечание переводчика: на полях.]");
        for (var i = 0; i < 6; i++)
        {
            var (left, right) = ((await en.Nth(i).BoundingBoxAsync())!, (await ru.Nth(i).BoundingBoxAsync())!);
            Assert.True(Math.Abs(left.Y - right.Y) < 1, $"paragraph {i + 1}: {left.Y} beside {right.Y}");
            Assert.True(right.X > left.X + left.Width, "the original is beside the translation");
        }
        // The long first paragraph pushes both second paragraphs down together.
        Assert.True((await ru.Nth(3).BoundingBoxAsync())!.Y > (await ru.Nth(2).BoundingBoxAsync())!.Y + 60);

        // On a phone the two are read one after the other.
        await page.SetViewportSizeAsync(390, 844);
        Assert.True((await ru.Nth(0).BoundingBoxAsync())!.Y > (await en.Nth(5).BoundingBoxAsync())!.Y);
    }
}

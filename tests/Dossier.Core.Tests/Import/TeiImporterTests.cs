using Dossier.Import.Tei;
using Dossier.Records;

namespace Dossier.Core.Tests.Import;

/// <summary>
/// TEI editions: a whole FRUS volume in the older markup, the newer markup's excerpt, and the odd cases the 27 files
/// hold (untitled headings, documents inside another's enclosures, dates only in the text, a broken file).
/// </summary>
public class TeiImporterTests
{
    private static string Volume(string name) => Path.Combine(Corpus.Root, "frus", name + ".xml");

    private static Dictionary<string, ArchivalRecord> ReadAll(string path)
    {
        var items = new TeiImporter().Read(path).ToList();
        Assert.All(items, i => Assert.True(i.Record is not null, $"{i.Location}: {i.Error}"));
        return items.ToDictionary(i => i.Record!.RecordId!, i => i.Record!);
    }

    [Fact]
    public void A_whole_volume_in_the_older_markup_gives_a_record_per_document_with_its_fields()
    {
        var importer = new TeiImporter();
        Assert.True(importer.Accepts(Volume("frus1918Russiav03")));
        var records = ReadAll(Volume("frus1918Russiav03"));
        Assert.Equal(478, records.Count);

        var d1 = records["frus1918Russiav03/d1"];
        Assert.Equal("The Secretary of State to the Ambassador in Russia (Francis)", d1.Title);
        Assert.Equal("1917-04-03", d1.Date);
        Assert.Equal("Washington", d1.Place);
        Assert.Equal("Telegram", d1.Type);
        Assert.Equal(["Secretary of State"], d1.Creators);
        Assert.Equal(["Francis, David R."], d1.Recipients);
        Assert.Equal("File No. 861.51/131", d1.Source.Text);
        // The chapters' headings, then the people the editors identified in the document, in the volume's list's form.
        Assert.Equal(["Russia Economic Relations", "Loans to the Provisional Government—Soviet Financial Decrees", "Francis, David R.", "Lansing, Robert"], d1.Subjects);
        Assert.Equal("Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III", d1.Repository);
        // The volume is the records' collection, in its order.
        var place = Assert.Single(d1.Collections);
        Assert.Equal(("frus1918Russiav03", "Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III", 1),
            (place.Collection.Slug, place.Collection.Title, place.Position));
        Assert.Equal(478, Assert.Single(records["frus1918Russiav03/d478"].Collections).Position);
        Assert.Same(place.Collection, records["frus1918Russiav03/d478"].Collections[0].Collection);
        Assert.Equal(["en"], d1.Languages);
        var text = Assert.Single(d1.Transcripts).Text;
        Assert.StartsWith("Washington, April 3, 1917, 6 p.m.\n\n1295. Secretary of Treasury requests that you confer immediately", text, StringComparison.Ordinal);
        Assert.DoesNotContain("File No. 861.51/131", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);

        var d100 = records["frus1918Russiav03/d100"];
        Assert.Equal("The Russian Ambassador (Bakhmeteff) to the Counselor for the Department of State (Polk)", d100.Title);
        Assert.Equal("1918-10-25", d100.Date);
        Assert.Equal(["Bakhmeteff, Boris A."], d100.Creators);
        Assert.Equal(["Polk, Frank Lyon"], d100.Recipients);
        Assert.Null(d100.Type);
        Assert.StartsWith("Washington, October 25, 1918. [Received November 2.]\n\nMy Dear Mr. Polk:", d100.Transcripts[0].Text, StringComparison.Ordinal);

        // Footnotes are notes, numbered as the edition numbers them, and not in the transcript.
        var d250 = records["frus1918Russiav03/d250"];
        Assert.Contains("2. Langdon Warner, Vice Consul at Harbin.", d250.Notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Langdon Warner, Vice Consul at Harbin", d250.Transcripts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_newer_markup_gives_the_heading_without_its_number_and_the_source_note_inside_it()
    {
        var records = ReadAll(Volume("frus1961-63v06-excerpt"));
        Assert.Equal(3, records.Count);
        var d1 = records["frus1961-63v06/d1"];
        Assert.Equal("Message From Chairman Khrushchev to President-elect Kennedy", d1.Title);
        Assert.Equal("1960-11-09", d1.Date);
        Assert.Equal("Moscow", d1.Place);
        Assert.Equal(["Khrushchev"], d1.Creators);
        Assert.Equal(["Kennedy, John F."], d1.Recipients);
        Assert.Equal("American Foreign Policy: Current Documents, 1960, p. 476. No classification marking.", d1.Source.Text);
        Assert.Equal("1. Printed from an unsigned copy.", d1.Notes);
        Assert.Equal("Foreign Relations of the United States, 1961–1963, Volume VI, Kennedy-Khrushchev Exchanges", d1.Repository);
        Assert.StartsWith("Moscow, November 9, 1960.\n\nEsteemed Mr.", d1.Transcripts[0].Text, StringComparison.Ordinal);
        Assert.Contains("Allow me to congratulate you on the occasion of your election", d1.Transcripts[0].Text, StringComparison.Ordinal);
        Assert.Equal("1960-11-10", records["frus1961-63v06/d2"].Date);
    }

    [Fact]
    public void Documents_inside_another_documents_enclosures_are_records_of_their_own_and_not_its_text()
    {
        var records = ReadAll(Volume("frus1861"));
        Assert.Equal(429, records.Count);
        var nested = records.Keys.Where(k => System.Text.RegularExpressions.Regex.IsMatch(k, @"^frus1861/d\d+-\d+$")).ToList();
        Assert.NotEmpty(nested);
        var parentId = nested[0][..nested[0].LastIndexOf('-')];
        var child = records[nested[0]];
        var parent = records[parentId];
        if (child.Transcripts.Count > 0 && parent.Transcripts.Count > 0)
            Assert.DoesNotContain(child.Transcripts[0].Text, parent.Transcripts[0].Text, StringComparison.Ordinal);
        // Every record has a title, even where the edition's heading is empty.
        Assert.All(records.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }

    [Fact]
    public void Odd_documents_get_a_title_and_a_date_and_a_broken_file_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("tei").FullName;
        try
        {
            var file = Path.Combine(folder, "volume.xml");
            File.WriteAllText(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frusTest">
                  <teiHeader><fileDesc><titleStmt><title type="complete">A Test Volume</title></titleStmt></fileDesc></teiHeader>
                  <text><body>
                    <div type="compilation"><head>Cuba:</head>
                      <div type="document" xml:id="d1" n="1">
                        <head>[Untitled]</head>
                        <p>A note without a heading.</p>
                        <p rend="right"><placeName>Havana</placeName>, <date when="1864-04-26">April 26, 1864</date>.</p>
                      </div>
                      <div type="document" xml:id="d2" n="2">
                        <head><persName type="from">Mr. Dayton</persName> to <persName type="to">Mr. Seward</persName><note n="1">Not printed.</note></head>
                        <opener><dateline><placeName>Paris,</placeName> <date when="1864-01-05">January 5, 1864</date>.</dateline></opener>
                        <p>Sir: I have the honor<note n="2">A footnote.</note> to report.</p>
                        <closer><signed>WILLIAM L. DAYTON.</signed></closer>
                      </div>
                    </div>
                  </body></text>
                </TEI>
                """);
            var records = new TeiImporter().Read(file).Select(i => i.Record!).ToList();
            Assert.Equal("Document 1", records[0].Title);
            Assert.Equal("1864-04-26", records[0].Date);
            Assert.Equal(["Cuba"], records[0].Subjects);
            Assert.Equal("Mr. Dayton to Mr. Seward", records[1].Title);
            Assert.Equal(["Mr. Dayton"], records[1].Creators);
            Assert.Equal("Paris", records[1].Place);
            Assert.Equal("1. Not printed.\n\n2. A footnote.", records[1].Notes);
            Assert.Equal("Paris, January 5, 1864.\n\nSir: I have the honor to report.\n\nWILLIAM L. DAYTON.", records[1].Transcripts[0].Text);

            var broken = Path.Combine(folder, "broken.xml");
            File.WriteAllText(broken, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"document\">");
            var failed = Assert.Single(new TeiImporter().Read(broken));
            Assert.Null(failed.Record);
            Assert.StartsWith("not readable TEI: ", failed.Error, StringComparison.Ordinal);
            // Its root says TEI: it is taken for TEI, so that its fault is reported rather than the file passed over.
            Assert.True(new TeiImporter().Accepts(broken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

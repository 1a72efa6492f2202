using Dossier.Import.Csv;

namespace Dossier.Core.Tests.Import;

public class CsvImporterTests
{
    [Fact]
    public void Rows_follow_RFC_4180_quotes_doubled_quotes_and_line_breaks_in_a_field()
    {
        var rows = CsvImporter.ReadRows("\uFEFFa,b,c\r\n1,\"two, three\",\"say \"\"hi\"\"\nagain\"\n4,,6").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0]);
        Assert.Equal(["1", "two, three", "say \"hi\"\nagain"], rows[1]);
        Assert.Equal(["4", "", "6"], rows[2]);
    }

    [Theory]
    [InlineData("1964-03-31", "1964-03-31")]
    [InlineData("1964-03", "1964-03")]
    [InlineData("03/31/1964", "1964-03-31")]
    [InlineData("3/31/1964", "1964-03-31")]
    [InlineData("03/00/1964", "1964-03")]
    [InlineData("March 31, 1964", "1964-03-31")]
    [InlineData("23462", "1964-03-26")]
    [InlineData("44545", "2021-12-15")]
    public void Dates_are_read_in_the_forms_spreadsheets_hold_them(string text, string iso)
    {
        Assert.True(CsvImporter.TryDate(text, out var parsed, out _));
        Assert.Equal(iso, parsed);
    }

    [Theory]
    [InlineData("01/01/0000", true)]
    [InlineData("00/00/0000", true)]
    [InlineData("13/45/1964", false)]
    [InlineData("yesterday", false)]
    public void An_unknown_date_is_no_date_and_a_wrong_one_is_an_error(string text, bool unknown)
    {
        Assert.False(CsvImporter.TryDate(text, out var parsed, out var isUnknown));
        Assert.Null(parsed);
        Assert.Equal(unknown, isUnknown);
    }

    [Fact]
    public void A_row_becomes_a_record_and_a_bad_row_is_reported_with_its_number()
    {
        var folder = Directory.CreateTempSubdirectory("csv").FullName;
        try
        {
            var file = Path.Combine(folder, "release.csv");
            File.WriteAllText(file, """
                Record Num,Title,Doc Date,From Name,To Name,Subjects,Comments,Lang
                104-1,"RPTS ON ACTIVITIES, TRAVEL",03/31/1964,"HELMS, RICHARD",DIRECTOR; DEPUTY,Oswald; Mexico,first note,en
                104-2,A MEMO,13/45/1964,,,,,
                104-3,,01/01/1964,,,,,
                ,,,,,,,
                104-4,UNDATED,01/01/0000,,,,,Klingon
                """.Replace("\r\n", "\n", StringComparison.Ordinal));
            var mapping = new CsvMapping
            {
                Columns = new() { ["Record Num"] = "recordId", ["Title"] = "title", ["Doc Date"] = "date", ["From Name"] = "creators", ["To Name"] = "recipients", ["Subjects"] = "subjects", ["Comments"] = "notes", ["Lang"] = "languages" },
                Defaults = new() { ["repository"] = "National Archives", ["languages"] = "en" },
            };
            mapping.Check();
            var items = new CsvImporter(mapping).Read(file).ToList();
            Assert.Equal(4, items.Count); // the empty row is no row
            var first = items[0].Record!;
            Assert.Equal("104-1", first.RecordId);
            Assert.Equal("RPTS ON ACTIVITIES, TRAVEL", first.Title);
            Assert.Equal("1964-03-31", first.Date);
            Assert.Equal(["HELMS, RICHARD"], first.Creators);
            Assert.Equal(["DIRECTOR", "DEPUTY"], first.Recipients);
            Assert.Equal(["Oswald", "Mexico"], first.Subjects);
            Assert.Equal("first note", first.Notes);
            Assert.Equal("National Archives", first.Repository);
            Assert.Equal(["en"], first.Languages);
            Assert.Equal((file + ":row 3", "date '13/45/1964' is not a date"), (items[1].Location, items[1].Error));
            Assert.Equal((file + ":row 4", "no title"), (items[2].Location, items[2].Error));
            Assert.Equal((file + ":row 6", "language 'Klingon' is not a language"), (items[3].Location, items[3].Error));

            mapping = new CsvMapping { Columns = new() { ["Title"] = "title", ["Nope"] = "date" } };
            var missing = Assert.Single(new CsvImporter(mapping).Read(file));
            Assert.StartsWith("the mapping names columns the file does not have: Nope", missing.Error, StringComparison.Ordinal);
            Assert.Throws<InvalidDataException>(() => new CsvMapping { Columns = new() { ["Title"] = "headline" } }.Check());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

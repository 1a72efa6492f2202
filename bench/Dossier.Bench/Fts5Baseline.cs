using System.Text.Json;
using Dossier.Records;
using Dossier.Sources;
using Microsoft.Data.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// The same records in SQLite FTS5, answering the same questions in-process: the number of hits, the top 20 by bm25
/// (title weighted 4, summary 2, text 1) with a snippet each, and the counts of the six facets among all hits.
/// This is what an archive built on SQLite's own full-text search would do, written the fast way it can be.
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    private readonly SqliteConnection connection;

    private Fts5Baseline(SqliteConnection connection) => this.connection = connection;

    public static Fts5Baseline Build(string jsonl, string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -262144;
            CREATE TABLE records(id INTEGER PRIMARY KEY, type TEXT, classification TEXT, date TEXT, year TEXT, archive TEXT);
            CREATE TABLE record_languages(id INTEGER NOT NULL, language TEXT NOT NULL);
            CREATE TABLE record_donors(id INTEGER NOT NULL, donor TEXT NOT NULL);
            CREATE VIRTUAL TABLE fts USING fts5(title, summary, transcript, tokenize = 'unicode61 remove_diacritics 2');
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var record = Command(connection, "INSERT INTO records VALUES ($id, $type, $classification, $date, $year, $archive)");
            using var text = Command(connection, "INSERT INTO fts(rowid, title, summary, transcript) VALUES ($id, $title, $summary, $transcript)");
            using var language = Command(connection, "INSERT INTO record_languages VALUES ($id, $value)");
            using var donor = Command(connection, "INSERT INTO record_donors VALUES ($id, $value)");
            var id = 0;
            foreach (var line in File.ReadLines(jsonl))
            {
                id++;
                var d = JsonSerializer.Deserialize<RecordDocument>(line, RecordDocument.JsonOptions)!;
                Run(record, ("$id", id), ("$type", d.Type), ("$classification", d.Classification), ("$date", d.Date),
                    ("$year", d.Date?[..4]), ("$archive", ArchivalReference.Parse(d.Source?.Text ?? "").Archive));
                Run(text, ("$id", id), ("$title", d.Title), ("$summary", d.Summary), ("$transcript", string.Join("\n\n", d.Transcripts.Select(t => t.Text))));
                foreach (var l in d.Languages) Run(language, ("$id", id), ("$value", l));
                foreach (var o in d.Donors) Run(donor, ("$id", id), ("$value", o));
            }
            transaction.Commit();
        }
        Execute(connection, """
            CREATE INDEX records_type_date ON records(type, date);
            CREATE INDEX record_languages_id ON record_languages(id);
            CREATE INDEX record_donors_id ON record_donors(id);
            INSERT INTO fts(fts) VALUES ('optimize');
            CREATE TEMP TABLE hits(id INTEGER PRIMARY KEY);
            """);
        return new Fts5Baseline(connection);
    }

    /// <summary>Answers one question; returns the number of hits.</summary>
    public int Answer(string match, string? type = null, string? from = null, string? to = null)
    {
        var filter = type is null ? "" : " AND rowid IN (SELECT id FROM records WHERE type = $type AND date >= $from AND date <= $to)";
        (string, object?)[] parameters = [("$q", match), ("$type", type), ("$from", from), ("$to", to is null ? null : to + "\uffff")];
        Execute(connection, "DELETE FROM hits");
        using (var collect = Command(connection, "INSERT INTO hits SELECT rowid FROM fts WHERE fts MATCH $q" + filter)) Run(collect, parameters);
        var total = Convert.ToInt32(Scalar("SELECT count(*) FROM hits"), System.Globalization.CultureInfo.InvariantCulture);

        var top = new List<long>();
        using (var rank = Command(connection, "SELECT rowid FROM fts WHERE fts MATCH $q" + filter + " ORDER BY bm25(fts, 4.0, 2.0, 1.0) LIMIT 20"))
        {
            Bind(rank, parameters);
            using var reader = rank.ExecuteReader();
            while (reader.Read()) top.Add(reader.GetInt64(0));
        }
        // Snippets for the 20 shown only: in the ranking query SQLite would cut one for every hit before sorting.
        using (var snippet = Command(connection, "SELECT title, snippet(fts, 2, '<mark>', '</mark>', '…', 24) FROM fts WHERE fts MATCH $q AND rowid = $id"))
        {
            foreach (var id in top)
            {
                Bind(snippet, [("$q", match), ("$id", id)]);
                using var reader = snippet.ExecuteReader();
                while (reader.Read()) _ = reader.GetString(1);
            }
        }
        foreach (var facet in Facets)
        {
            using var count = Command(connection, facet);
            using var reader = count.ExecuteReader();
            while (reader.Read()) _ = reader.GetInt32(1);
        }
        return total;
    }

    private static readonly string[] Facets =
    [
        .. new[] { "type", "classification", "year", "archive" }.Select(c => $"SELECT r.{c}, count(*) FROM hits h JOIN records r ON r.id = h.id GROUP BY 1"),
        "SELECT l.language, count(*) FROM hits h JOIN record_languages l ON l.id = h.id GROUP BY 1",
        "SELECT d.donor, count(*) FROM hits h JOIN record_donors d ON d.id = h.id GROUP BY 1",
    ];

    public long Size => new FileInfo(connection.DataSource).Length;

    private object? Scalar(string sql)
    {
        using var command = Command(connection, sql);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        Bind(command, parameters);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
            if (command.CommandText.Contains(name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
    }

    public void Dispose() => connection.Dispose();
}

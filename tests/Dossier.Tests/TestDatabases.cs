using Npgsql;

namespace Dossier.Tests;

/// <summary>The databases the storage, workflow, search and API tests run on: each test class runs once per provider.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Fresh databases for the tests. SQLite needs nothing: the archive's data directory holds its file. PostgreSQL is
/// the server <c>DOSSIER_TEST_POSTGRES</c> names (<c>.ci/postgres start</c> starts one and prints its connection
/// string), on which each archive gets a database of its own, dropped afterwards.
/// </summary>
public static class TestDatabases
{
    public const string ServerVariable = "DOSSIER_TEST_POSTGRES";

    // Set by .ci/run: there, a missing server is a failure, not a reason to skip.
    private const string RequiredVariable = "DOSSIER_REQUIRE_POSTGRES";

    private static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>Whether the provider's server is there to test on.</summary>
    public static bool Available(Provider provider) => provider == Provider.Sqlite || Server is not null;

    /// <summary>Skips the calling test, saying why, when it needs PostgreSQL and none is configured.</summary>
    public static void Require(Provider provider)
    {
        if (Available(provider)) return;
        if (Environment.GetEnvironmentVariable(RequiredVariable) is { Length: > 0 })
            throw new InvalidOperationException($"{ServerVariable} is not set, and this run must test PostgreSQL (see .ci/postgres)");
        throw new SkipException($"PostgreSQL is not configured: set {ServerVariable} to a server's connection string (.ci/postgres start prints one) to run this test on it");
    }

    /// <summary>A new, empty database for one archive; its connection string is null for SQLite (the data directory's file).</summary>
    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        Require(provider);
        if (provider == Provider.Sqlite) return new TestDatabase(null);
        var name = "dossier_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var server = new NpgsqlConnection(Server))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabase(new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString());
    }

    internal static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var server = new NpgsqlConnection(Server);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>One test archive's database: null for SQLite, else a PostgreSQL database that is dropped with it.</summary>
public sealed class TestDatabase(string? connectionString) : IAsyncDisposable
{
    public string? ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString is not null) await TestDatabases.DropAsync(ConnectionString);
    }
}

/// <summary>
/// One archive on one provider, shared by the tests of a class that only read it: filled once by
/// <see cref="FillAsync"/>, skipped (saying why) when its provider is not configured.
/// </summary>
public abstract class SharedArchiveFixture(Provider provider) : IAsyncLifetime
{
    private ArchiveHost? archive;

    public ArchiveHost Archive
    {
        get
        {
            TestDatabases.Require(provider);
            return archive!;
        }
    }

    /// <summary>Record numbers by whatever the fixture names its records by.</summary>
    public Dictionary<string, int> IdOf { get; } = [];

    protected abstract Task FillAsync(ArchiveHost archive);

    /// <summary>The archive's settings (<c>--Dossier:Key=value</c>).</summary>
    protected virtual string[] Settings => [];

    public async Task InitializeAsync()
    {
        if (!TestDatabases.Available(provider)) return;
        archive = await ArchiveHost.StartAsync(provider, Settings);
        await FillAsync(archive);
    }

    public async Task DisposeAsync()
    {
        if (archive is not null) await archive.DisposeAsync();
    }
}

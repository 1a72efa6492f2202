using System.Data.Common;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Dossier.Data.Postgres;

/// <summary>
/// PostgreSQL, for an archive served by several nodes: one database they share, migrations kept in this assembly.
/// </summary>
public static class PostgresDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
            .AddInterceptors(IndexingTasksInCommitOrder.Saves, IndexingTasksInCommitOrder.Commands);

    public static DbContextOptions<DossierDb> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<DossierDb>();
        Configure(builder, connectionString);
        return builder.Options;
    }

    /// <summary>Whether a connection string names a PostgreSQL server (Host=...) rather than an SQLite file.</summary>
    public static bool Names(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return parts.ContainsKey("Host") || parts.ContainsKey("Server");
    }

    /// <summary>The connection string with its password hidden, for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {parts.Database} on {parts.Host}:{parts.Port}";
    }
}

/// <summary>
/// Times are stored as UTC (timestamp with time zone). PostgreSQL keeps microseconds where .NET keeps tenths of them:
/// a time is cut to the microsecond on its way in, so that the value a change compares (a record's UpdatedAt, its
/// concurrency token) is the one the database holds.
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => new DateTime(v.Ticks - v.Ticks % 10, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?)) property.SetValueConverter(Utc);
            }
    }
}

/// <summary>
/// Nodes follow the indexing tasks by their ids, so a task must never become visible after one with a higher id.
/// PostgreSQL hands out ids when rows are inserted, not when they commit: two writers could commit out of order and
/// a node reading between them would step over the earlier one for good. Every transaction that writes tasks
/// takes one lock, held to its commit, so tasks commit in the order of their ids. Writes of records are serialised
/// by this, as SQLite serialises every write; reads are not. The lock is taken when a save that adds tasks begins,
/// before its updates lock any row: taken after them, two writers of one record could each wait for the other.
/// </summary>
internal static class IndexingTasksInCommitOrder
{
    // Any constant both sides agree on; "DOSS" in ASCII.
    private const long LockKey = 0x444F5353;
    private const string InsertOfTasks = "INSERT INTO \"IndexingTasks\"";
    private static readonly string LockSql = $"SELECT pg_advisory_xact_lock({LockKey})";

    public static readonly SaveChangesInterceptor Saves = new InTransaction();
    public static readonly DbCommandInterceptor Commands = new LockBeforeInsert();

    // The lock lasts until the transaction ends, so a save of tasks always runs in one, even a save of a single row.
    // In a transaction already begun (the archive's saves of records begin one), the lock is taken at once; in the
    // one EF Core begins for the save, at the first insert of a task (below).
    private sealed class InTransaction : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Lock(eventData.Context) is { } take)
            {
                await using (take) await take.ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (Lock(eventData.Context) is { } take)
            {
                using (take) take.ExecuteNonQuery();
            }
            return result;
        }

        private static DbCommand? Lock(DbContext? context)
        {
            if (context is null || !context.ChangeTracker.Entries<IndexingTask>().Any(e => e.State == EntityState.Added)) return null;
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            if (context.Database.CurrentTransaction is not { } transaction) return null;
            var take = context.Database.GetDbConnection().CreateCommand();
            take.Transaction = transaction.GetDbTransaction();
            take.CommandText = LockSql;
            return take;
        }
    }

    private sealed class LockBeforeInsert : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(InsertOfTasks, StringComparison.Ordinal)) await LockAsync(command, cancellationToken);
            return result;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (command.CommandText.Contains(InsertOfTasks, StringComparison.Ordinal))
            {
                using var take = Lock(command);
                take.ExecuteNonQuery();
            }
            return result;
        }

        private static async ValueTask LockAsync(DbCommand insert, CancellationToken cancellationToken)
        {
            await using var take = Lock(insert);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        private static DbCommand Lock(DbCommand insert)
        {
            var take = insert.Connection!.CreateCommand();
            take.Transaction = insert.Transaction;
            take.CommandText = LockSql;
            return take;
        }
    }
}

/// <summary>For the migrations tool (tools/AddMigration): the model as PostgreSQL sees it; nothing is connected to.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<DossierDb>
{
    public DossierDb CreateDbContext(string[] args) => new(PostgresDatabase.Options("Host=localhost;Database=dossier_design"));
}

using Dossier.Data.Postgres;
using Dossier.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

// Usage: dotnet run --project tools/AddMigration -- NAME [sqlite|postgres]
// Run from the repository root; writes src/Dossier.Data.<Provider>/Migrations/<timestamp>_NAME.cs for each provider
// (both unless one is named): a change of the model is a migration in every provider's assembly.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/AddMigration -- NAME [sqlite|postgres]");
    return 2;
}

var name = args[0];
var only = args.Length == 2 ? args[1] : null;
if (only is null or "sqlite") Scaffold("Dossier.Data.Sqlite", new SqliteDesignTimeFactory().CreateDbContext([]), new SqliteDesignTimeServices());
if (only is null or "postgres") Scaffold("Dossier.Data.Postgres", new PostgresDesignTimeFactory().CreateDbContext([]), new NpgsqlDesignTimeServices());
return 0;

void Scaffold(string assembly, DbContext db, IDesignTimeServices providerServices)
{
    using (db)
    {
        var project = Path.GetFullPath(Path.Combine("src", assembly));
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        providerServices.ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();
        var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, assembly, "Migrations");
        var files = scaffolder.Save(project, migration, Path.Combine(project, "Migrations"));
        Console.WriteLine($"wrote {files.MigrationFile}");
    }
}

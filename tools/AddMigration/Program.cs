using Dossier.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run --project tools/AddMigration -- NAME
// Run from the repository root; writes src/Dossier.Data.Sqlite/Migrations/<timestamp>_NAME.cs.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/AddMigration -- NAME");
    return 2;
}

var name = args[0];
var project = Path.GetFullPath(Path.Combine("src", "Dossier.Data.Sqlite"));
using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "Dossier.Data.Sqlite", "Migrations");
var files = scaffolder.Save(project, migration, Path.Combine(project, "Migrations"));
Console.WriteLine($"wrote {files.MigrationFile}");
return 0;

namespace Dossier.Features.Archive;

/// <summary><c>dossier migrate</c>: brings the database to the current schema, for an operator who upgrades before starting the nodes.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        Console.WriteLine($"The {ArchiveDatabase.Describe(archive)} is at the current schema.");
        return 0;
    }
}

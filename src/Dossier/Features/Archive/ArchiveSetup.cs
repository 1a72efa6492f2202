using Dossier.Data;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Import.PageCaptures;
using Dossier.Originals;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Archive;

/// <summary>The services every entry point shares: the store, the search index, the importers.</summary>
public static class ArchiveSetup
{
    public static IServiceCollection AddArchive(this IServiceCollection services, ArchiveOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        // Contexts are pooled: a request borrows one instead of building EF Core's services for it again, which
        // was a third of a record page's time. A borrowed context starts as a new one would (DossierDb.Fresh).
        services.AddPooledDbContextFactory<DossierDb>(db => ArchiveDatabase.Configure(db, options));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<DossierDb>>().CreateDbContext().Fresh());
        services.AddScoped<RecordImport>();
        services.AddSingleton<Dossier.Authorities.MentionPatterns>();
        services.AddScoped<RecordIndexer>();
        services.AddScoped<Dossier.Collections.CollectionCuration>();
        services.AddSingleton(new FileStore(options.FilesDirectory));
        services.AddSingleton(new PageImages(options.DerivedDirectory));
        // OCR's languages: Tesseract's model names joined by '+' (Dossier:Ocr:Languages on a server).
        services.AddSingleton(provider => new OriginalReader(provider.GetRequiredService<PageImages>(),
            provider.GetService<IConfiguration>()?["Dossier:Ocr:Languages"] is { Length: > 0 } languages ? languages : OriginalReader.DefaultLanguages));
        services.AddScoped<OriginalReading>();
        services.AddScoped<OriginalAttachment>();
        services.AddScoped<FixityVerification>();
        services.AddSingleton<IRecordImporter, PageCaptureImporter>();
        services.AddSingleton<IRecordImporter, JsonLinesImporter>();
        services.AddSingleton<IRecordImporter, Dossier.Import.Tei.TeiImporter>();
        return services;
    }

    /// <summary>Brings the database to the current schema.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
        await ArchiveDatabase.MigrateAsync(db, cancellationToken);
    }
}

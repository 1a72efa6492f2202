using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dossier.Features;
using Dossier.Features.Accounts;
using Dossier.Features.Archive;
using Dossier.Features.Assets;
using Dossier.Features.Authorities;
using Dossier.Features.Citations;
using Dossier.Features.Collections;
using Dossier.Features.Documents;
using Dossier.Features.Editing;
using Dossier.Features.Export;
using Dossier.Features.Feeds;
using Dossier.Features.Iiif;
using Dossier.Features.Indexing;
using Dossier.Features.Oai;
using Dossier.Features.Operations;
using Dossier.Features.Originals;
using Dossier.Features.Search;
using Dossier.Search;
using Microsoft.Extensions.WebEncoders;

namespace Dossier;

/// <summary>Builds the web archive: the reading room's pages and the JSON API over one data directory.</summary>
public static class DossierWeb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(ArchiveOptions archive, string? urls, string[]? hostArgs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs ?? [],
            // The app's pages are compiled into this assembly; naming it lets tests host the app too.
            ApplicationName = typeof(DossierWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var chosenUrls = urls
                         ?? builder.Configuration["urls"]
                         ?? DefaultUrls;
        builder.WebHost.UseUrls(chosenUrls);
        // A reader's request is one line in the log, not every SQL statement behind it.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        builder.Services.AddArchive(archive);
        builder.Services.AddSingleton(_ => RecordIndex.Open(archive.IndexDirectory));
        builder.Services.AddIndexFollower();
        builder.Services.AddAccounts();
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddOperations(builder.Configuration);
        builder.Services.AddScoped<Dossier.Curation.EmbargoRelease>();
        builder.Services.AddScoped<Dossier.Authorities.AuthorityCuration>();
        builder.Services.AddHostedService<EmbargoReleaser>();
        builder.Services.AddSingleton<Dossier.Features.Originals.OriginalImages>();
        builder.Services.AddHostedService<Dossier.Features.Originals.OriginalsWorker>();
        builder.Services.AddHostedService<Dossier.Features.Originals.FixitySchedule>();
        builder.Services.AddSingleton<AssetCatalog>();
        builder.Services.AddSingleton<SuggestedNames>();
        builder.Services.AddSingleton(OaiOptions.From(builder.Configuration));
        builder.Services.AddProblemDetails();
        builder.Services.AddInterfaceLanguages();
        // Pages carry Russian, Chinese and accented text; it is written as characters, not as numeric entities.
        builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Originals are uploaded on a record's page: larger requests there than anywhere else.
        var maxUpload = builder.Configuration.GetValue("Dossier:Originals:MaxUploadBytes", RecordWorkflowModel.DefaultMaxUploadBytes);
        builder.Services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Features";
            pages.Conventions.AddPageApplicationModelConvention("/Editing/RecordWorkflow", page =>
            {
                page.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(maxUpload * 4));
                page.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = maxUpload * 4 });
            });
        })
            // Forms' messages (a Required attribute's ErrorMessage) are phrases of the same resource as the pages'.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Text)));
        builder.Services.AddResponseCompression(compression => compression.EnableForHttps = true);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseRequestLog();
        app.UseInterfaceLanguages();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.UseResponseCompression();
        app.Use(async (context, next) =>
        {
            // Pages send nothing to third parties and take nothing from them.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapAssets();
        app.MapDocumentsApi();
        app.MapDocumentsWriteApi();
        app.MapSearchApi();
        app.MapSuggestApi();
        app.MapCitationsApi();
        app.MapOaiProvider();
        app.MapExportApi();
        app.MapCollectionsApi();
        app.MapOriginals();
        app.MapIiif();
        app.MapAuthoritiesApi();
        app.MapFeeds(builder.Configuration);
        app.MapOperations(builder.Configuration);
        app.MapInterfaceLanguageSwitch();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Prepares the data directory (database schema) before the app starts serving.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await ArchiveSetup.MigrateAsync(app.Services, cancellationToken);
        // Opening the index now makes a second server on the same data fail at start, not at its first search.
        _ = app.Services.GetRequiredService<RecordIndex>();
        // The archive's gauges are there from the first scrape, not from the first search.
        _ = app.Services.GetRequiredService<DossierMetrics>();
    }
}

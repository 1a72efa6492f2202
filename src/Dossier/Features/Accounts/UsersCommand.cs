using Dossier.Accounts;
using Dossier.Features.Archive;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;

namespace Dossier.Features.Accounts;

/// <summary><c>dossier users add EMAIL --role ROLE</c> and <c>dossier users list</c>: the staff's accounts.</summary>
public static class UsersCommand
{
    public static async Task<int> AddAsync(ArchiveOptions archive, string email, string roleText, bool passwordFromStdin, CancellationToken cancellationToken)
    {
        if (Roles.Parse(roleText) is not { } role)
        {
            await Console.Error.WriteLineAsync($"dossier: '{roleText}' is not a role: admin, editor, contributor or researcher");
            return 2;
        }
        var password = await ReadPasswordAsync(passwordFromStdin);
        if (password is null) return 2;

        await using var services = await OpenAsync(archive, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var added = await StaffAccounts.AddAsync(scope.ServiceProvider, email, role, password, (null, null), "by dossier users add", cancellationToken);
        if (!added.Succeeded) return await FailAsync(added);
        Console.WriteLine($"Added {email} as {role}.");
        return 0;
    }

    public static async Task<int> ListAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = await OpenAsync(archive, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > TimeProvider.System.GetUtcNow() ? " (locked)" : "";
            Console.WriteLine($"{user.Email}\t{string.Join(", ", roles)}{locked}");
        }
        return 0;
    }

    private static async Task<ServiceProvider> OpenAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging().AddArchive(archive).AddAccountStore().BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        return services;
    }

    /// <summary>The password from standard input (one line), or asked twice on a terminal without echo; never from an argument.</summary>
    private static async Task<string?> ReadPasswordAsync(bool fromStdin)
    {
        if (fromStdin)
        {
            var line = await Console.In.ReadLineAsync();
            if (string.IsNullOrEmpty(line))
            {
                await Console.Error.WriteLineAsync("dossier: --password-stdin: standard input held no password");
                return null;
            }
            return line;
        }
        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await Console.Error.WriteLineAsync("dossier: there is no terminal to ask for the password on; give it on standard input with --password-stdin");
            return null;
        }
        var password = await AnsiConsole.PromptAsync(new TextPrompt<string>("Password (12 characters or more):").Secret());
        var again = await AnsiConsole.PromptAsync(new TextPrompt<string>("The same password again:").Secret());
        if (password == again) return password;
        await Console.Error.WriteLineAsync("dossier: the two passwords differ; nothing was changed");
        return null;
    }

    private static async Task<int> FailAsync(IdentityResult result)
    {
        foreach (var error in result.Errors) await Console.Error.WriteLineAsync($"dossier: {error.Description}");
        return 1;
    }
}

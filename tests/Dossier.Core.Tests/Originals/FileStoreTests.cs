using System.Security.Cryptography;
using Dossier.Originals;

namespace Dossier.Core.Tests.Originals;

public class FileStoreTests
{
    [Fact]
    public async Task A_file_is_kept_once_under_its_hash_and_read_only_and_a_changed_byte_is_found()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-files-").FullName;
        try
        {
            var store = new FileStore(directory);
            var bytes = RandomNumberGenerator.GetBytes(200_000);
            var (sha256, length) = await store.StoreAsync(new MemoryStream(bytes));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256);
            Assert.Equal(200_000, length);
            Assert.Equal(Path.Combine(directory, sha256[..2], sha256[2..4], sha256), store.PathOf(sha256));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(store.PathOf(sha256)));
            Assert.True(File.GetAttributes(store.PathOf(sha256)).HasFlag(FileAttributes.ReadOnly));

            // The same bytes again: the same file, nothing written, nothing left behind.
            Assert.Equal((sha256, 200_000L), await store.StoreAsync(new MemoryStream(bytes)));
            Assert.Equal([sha256], store.All());
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(directory, "incoming")));
            Assert.Equal(sha256, await store.HashAsync(sha256));

            // A flipped byte is a different hash; a missing file has none.
            File.SetAttributes(store.PathOf(sha256), FileAttributes.Normal);
            bytes[1234] ^= 0x01;
            await File.WriteAllBytesAsync(store.PathOf(sha256), bytes);
            Assert.NotEqual(sha256, await store.HashAsync(sha256));
            File.Delete(store.PathOf(sha256));
            Assert.Null(await store.HashAsync(sha256));
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(directory, recursive: true);
        }
    }
}

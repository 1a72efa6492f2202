namespace Dossier.Search;

/// <summary>
/// A change the search index must follow, written in the same transaction as the change itself.
/// Every node reads the tasks after its own position, so each keeps its own index in step with the store.
/// </summary>
public sealed class IndexingTask
{
    public long Id { get; set; }
    public int RecordId { get; set; }
    public DateTime CreatedAt { get; set; }

    public static IndexingTask For(int recordId, DateTime now) => new() { RecordId = recordId, CreatedAt = now };
}

using System.Runtime.ExceptionServices;

namespace ArtifactTools.Restoration;

/// <summary>
/// Runs a batch of files through plan, decode, restore and encode so that the batch goes at the network's speed:
/// one background worker reads and decodes the next file and encodes and writes the previous one while the calling
/// thread (PowerShell's pipeline thread, which alone may write records and progress) restores the current one.
/// Memory stays bounded: besides the image being restored, the worker holds at most one other (it encodes the previous
/// image, then decodes the next), so a batch needs at most twice the largest image. Outcomes are emitted on the calling
/// thread strictly in input order, exactly as a sequential loop would emit them; <c>overlap: false</c> is that loop.
/// </summary>
/// <typeparam name="TFile">One input and what was planned for it.</typeparam>
/// <typeparam name="TDecoded">A decoded input.</typeparam>
/// <typeparam name="TRestored">A restored image ready to encode.</typeparam>
public sealed class FileStages<TFile, TDecoded, TRestored>
{
    /// <summary>Calling thread, in input order, before the file's decode is queued: null to decode and restore the
    /// file, else what to emit at its turn (a skip, an error, nothing when declined).</summary>
    public required Func<TFile, Action?> Plan { get; init; }
    /// <summary>Worker thread: reads and decodes.</summary>
    public required Func<TFile, TDecoded> Decode { get; init; }
    /// <summary>Calling thread: restores (may report progress, load models).</summary>
    public required Func<TFile, TDecoded, TRestored> Restore { get; init; }
    /// <summary>Worker thread: encodes and writes; returns what to emit at the file's turn (its result).</summary>
    public required Func<TFile, TRestored, Action> Encode { get; init; }
    /// <summary>Calling thread, at the file's turn: a stage failed for this file (a per-file error; the batch goes on).</summary>
    public required Action<TFile, Exception> Fail { get; init; }
    /// <summary>Checked before each restore; true stops the batch (files in flight finish writing, nothing new starts).</summary>
    public Func<bool> Stopping { get; init; } = () => false;

    sealed class Entry(TFile file)
    {
        public TFile File { get; } = file;
        public Action? Planned { get; set; }
        public Task<TDecoded>? Decoded { get; set; }
        public Task<Action>? Encoded { get; set; }
        public Exception? Error { get; set; }
    }

    /// <summary>Processes <paramref name="files"/>; with <paramref name="overlap"/> false, every stage runs on the calling
    /// thread one file after another.</summary>
    public void Run(IReadOnlyList<TFile> files, bool overlap = true)
    {
        var pending = new Queue<Entry>(); // emission order
        Task worker = Task.CompletedTask;
        int planned = 0;

        Task<T> Queue<T>(Func<T> work)
        {
            var task = overlap
                ? worker.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
                : RunHere(work);
            worker = task;
            return task;
        }

        // Plans files in order until one needs restoring; queues its decode.
        Entry? PlanNext()
        {
            while (planned < files.Count)
            {
                var entry = new Entry(files[planned++]);
                pending.Enqueue(entry);
                try { entry.Planned = Plan(entry.File); }
                catch (Exception ex) when (IsPerFile(ex)) { entry.Error = ex; continue; }
                if (entry.Planned is not null) continue;
                entry.Decoded = Queue(() => Decode(entry.File));
                return entry;
            }
            return null;
        }

        try
        {
            var current = PlanNext();
            var upcoming = overlap && current is not null ? PlanNext() : null; // decoded while current restores
            while (current is not null && !Stopping())
            {
                var decoded = Await(current.Decoded!, current);
                current.Decoded = null; // the entry waits for its turn to emit; its image must not wait with it
                EmitFinished(pending, before: current);
                if (current.Error is null)
                {
                    var (entry, image) = (current, decoded);
                    try
                    {
                        var restored = Restore(entry.File, image!);
                        entry.Encoded = Queue(() => Encode(entry.File, restored));
                    }
                    catch (Exception ex) when (IsPerFile(ex)) { entry.Error = ex; }
                }
                EmitFinished(pending, before: upcoming);
                current = overlap ? upcoming : PlanNext();
                upcoming = overlap && current is not null ? PlanNext() : null;
            }
            if (Stopping()) return;
            EmitFinished(pending, before: null, wait: true);
        }
        finally
        {
            // Writes in flight finish (each is atomic) before the caller goes on; their outcome is no longer reported.
            try { worker.Wait(); } catch (AggregateException) { }
        }
    }

    /// <summary>Emits, in order, the entries ahead of <paramref name="before"/> (all, when null) whose work is finished;
    /// stops at the first one still encoding unless <paramref name="wait"/>.</summary>
    void EmitFinished(Queue<Entry> pending, Entry? before, bool wait = false)
    {
        while (pending.Count > 0 && !ReferenceEquals(pending.Peek(), before))
        {
            var entry = pending.Peek();
            if (entry.Error is null && entry.Encoded is { IsCompleted: false } && !wait) return;
            pending.Dequeue();
            if (entry.Error is null && entry.Encoded is { } encoded)
            {
                var emit = Await(encoded, entry);
                if (entry.Error is null) { emit!(); continue; }
            }
            if (entry.Error is not null) Fail(entry.File, entry.Error);
            else entry.Planned?.Invoke();
        }
    }

    /// <summary>The task's result; a per-file failure is recorded on the entry, anything else (out of memory) rethrown.</summary>
    static T? Await<T>(Task<T> task, Entry entry)
    {
        try { return task.GetAwaiter().GetResult(); }
        catch (Exception ex) when (IsPerFile(ex)) { entry.Error = ex; return default; }
    }

    static Task<T> RunHere<T>(Func<T> work)
    {
        try { return Task.FromResult(work()); }
        catch (Exception ex) when (IsPerFile(ex)) { return Task.FromException<T>(ex); }
    }

    /// <summary>Failures that belong to one file. Out of memory and a stopped pipeline end the batch.</summary>
    static bool IsPerFile(Exception ex) => ex is not (OutOfMemoryException or OperationCanceledException)
        && ex.GetType().Name != "PipelineStoppedException";
}

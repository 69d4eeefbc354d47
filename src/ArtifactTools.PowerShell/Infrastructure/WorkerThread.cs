using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ArtifactTools.PowerShell.Infrastructure;

/// <summary>
/// Runs long work on a worker thread and hands what it posts to the calling thread, in order: PowerShell streams
/// (progress, verbose, output) may only be written from the pipeline thread, so the pipeline thread waits here and
/// relays. The work's exception, if any, is rethrown on the calling thread.
/// </summary>
public static class WorkerThread
{
    public static T Run<T>(string name, Func<Action<object>, T> work, Action<object> relay)
    {
        // Not disposed: after a relay failure (Ctrl+C) the worker may still post until it sees the stop token.
        var messages = new BlockingCollection<object>();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try { result = work(messages.Add); }
            catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
            finally { messages.CompleteAdding(); }
        }) { IsBackground = true, Name = name };
        worker.Start();
        foreach (var message in messages.GetConsumingEnumerable()) relay(message);
        worker.Join();
        failure?.Throw();
        return result;
    }
}

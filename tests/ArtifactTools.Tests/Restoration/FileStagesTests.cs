using ArtifactTools.Restoration;

namespace ArtifactTools.Tests.Restoration;

public sealed class FileStagesTests
{
    /// <summary>Files named by what happens to them: "skip" is planned away, "bad-decode", "bad-restore" and
    /// "bad-encode" fail in that stage; the rest go through.</summary>
    static readonly string[] Files = ["a", "skip1", "bad-decode", "b", "bad-restore", "skip2", "c", "bad-encode", "d", "e"];

    sealed class Log
    {
        readonly object _gate = new();
        int _held, _peak;
        public List<string> Emitted { get; } = [];
        public List<int> CallingThreadOnly { get; } = [];
        public int PeakHeld => _peak;
        public void Hold(int change) { lock (_gate) { _held += change; _peak = Math.Max(_peak, _held); } }
    }

    static (List<string> Emitted, int PeakHeld, bool AllOnCaller) Run(bool overlap)
    {
        var log = new Log();
        int caller = Environment.CurrentManagedThreadId;
        bool allOnCaller = true;
        void OnCaller() { if (Environment.CurrentManagedThreadId != caller) allOnCaller = false; }
        var stages = new FileStages<string, string, string>
        {
            Plan = f => { OnCaller(); return f.StartsWith("skip") ? () => { OnCaller(); log.Emitted.Add("skipped " + f); } : null; },
            Decode = f =>
            {
                Thread.Sleep(3);
                if (f == "bad-decode") throw new InvalidDataException("corrupt");
                log.Hold(+1);
                return f + ".decoded";
            },
            Restore = (f, d) =>
            {
                OnCaller();
                Thread.Sleep(5);
                if (f == "bad-restore") { log.Hold(-1); throw new InvalidOperationException("no model"); }
                return d + ".restored";
            },
            Encode = (f, r) =>
            {
                Thread.Sleep(4);
                log.Hold(-1);
                if (f == "bad-encode") throw new IOException("disk full");
                return () => { OnCaller(); log.Emitted.Add("wrote " + r); };
            },
            Fail = (f, ex) => { OnCaller(); log.Emitted.Add($"error {f}: {ex.Message}"); },
        };
        stages.Run(Files, overlap);
        return (log.Emitted, log.PeakHeld, allOnCaller);
    }

    [Fact]
    public void Overlapped_run_emits_exactly_what_the_sequential_loop_emits_in_the_same_order()
    {
        var sequential = Run(overlap: false);
        var overlapped = Run(overlap: true);
        Assert.Equal(
        [
            "wrote a.decoded.restored", "skipped skip1", "error bad-decode: corrupt", "wrote b.decoded.restored",
            "error bad-restore: no model", "skipped skip2", "wrote c.decoded.restored", "error bad-encode: disk full",
            "wrote d.decoded.restored", "wrote e.decoded.restored",
        ], sequential.Emitted);
        Assert.Equal(sequential.Emitted, overlapped.Emitted);
        Assert.True(overlapped.AllOnCaller, "plan, restore and every emission run on the calling thread");
    }

    [Fact]
    public void At_most_one_image_is_held_besides_the_one_restoring()
    {
        Assert.Equal(1, Run(overlap: false).PeakHeld);
        Assert.InRange(Run(overlap: true).PeakHeld, 1, 2);
    }

    [Fact]
    public void Stopping_starts_nothing_new_and_lets_writes_in_flight_finish()
    {
        int restored = 0, encoded = 0;
        var stages = new FileStages<int, int, int>
        {
            Plan = _ => null,
            Decode = i => i,
            Restore = (_, d) => { restored++; return d; },
            Encode = (_, r) => { Thread.Sleep(20); Interlocked.Increment(ref encoded); return () => { }; },
            Fail = (_, ex) => throw ex,
            Stopping = () => restored >= 3,
        };
        stages.Run(Enumerable.Range(0, 10).ToList());
        Assert.Equal(3, restored);
        Assert.Equal(3, Volatile.Read(ref encoded));
    }
}

namespace IcpExperiments.Statistics.Survival;

/// <summary>
/// One arm's right-censored times, validated and sorted once so that Kaplan–Meier, log-rank and RMST can share
/// the O(n log n) work. Event and censoring times are kept in two sorted arrays: sorting plain doubles is much
/// faster than sorting (time, flag) pairs, and a merge walk over both recovers the risk sets in O(n).
/// </summary>
public sealed class SurvivalSample
{
    private readonly double[] eventTimes;
    private readonly double[] censorTimes;

    private SurvivalSample(double[] eventTimes, double[] censorTimes)
    {
        this.eventTimes = eventTimes;
        this.censorTimes = censorTimes;
        MaxTime = Math.Max(
            eventTimes.Length > 0 ? eventTimes[^1] : 0.0,
            censorTimes.Length > 0 ? censorTimes[^1] : 0.0);
    }

    /// <summary>Number of accounts (observations).</summary>
    public int Count => eventTimes.Length + censorTimes.Length;

    /// <summary>Number of observed events (e.g. deals won); the rest are right-censored.</summary>
    public int EventCount => eventTimes.Length;

    /// <summary>Largest observed time, event or censored (the end of follow-up).</summary>
    public double MaxTime { get; }

    internal ReadOnlySpan<double> EventTimes => eventTimes;

    internal ReadOnlySpan<double> CensorTimes => censorTimes;

    /// <summary>
    /// Builds a sample from parallel arrays: <paramref name="times"/> finite and ≥ 0, <paramref name="events"/>
    /// true for an observed event and false for a right-censored time (e.g. a deal still open at the as-of date).
    /// Throws when the arrays are empty, differ in length or hold a negative or non-finite time.
    /// </summary>
    public static SurvivalSample Create(ReadOnlySpan<double> times, ReadOnlySpan<bool> events)
    {
        if (times.IsEmpty) throw new ArgumentException("times must not be empty.", nameof(times));
        if (times.Length != events.Length)
            throw new ArgumentException($"times ({times.Length}) and events ({events.Length}) must have the same length.", nameof(events));

        int eventCount = 0;
        for (int i = 0; i < times.Length; i++)
        {
            double t = times[i];
            if (!(t >= 0) || double.IsPositiveInfinity(t))
                throw new ArgumentOutOfRangeException(nameof(times), t, $"times[{i}] must be finite and ≥ 0.");
            if (events[i]) eventCount++;
        }

        var eventTimes = new double[eventCount];
        var censorTimes = new double[times.Length - eventCount];
        int e = 0, c = 0;
        for (int i = 0; i < times.Length; i++)
        {
            if (events[i]) eventTimes[e++] = times[i];
            else censorTimes[c++] = times[i];
        }

        Array.Sort(eventTimes);
        Array.Sort(censorTimes);
        return new SurvivalSample(eventTimes, censorTimes);
    }

    /// <summary>Convenience overload for callers holding (time, event) pairs.</summary>
    public static SurvivalSample Create(IReadOnlyList<(double Time, bool Event)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var times = new double[observations.Count];
        var events = new bool[observations.Count];
        for (int i = 0; i < times.Length; i++) (times[i], events[i]) = observations[i];
        return Create(times, events);
    }

    /// <summary>Risk table at the distinct event times: accounts at risk just before each time and events at it.</summary>
    internal RiskTable BuildRiskTable()
    {
        var times = new double[eventTimes.Length];
        var atRisk = new int[eventTimes.Length];
        var events = new int[eventTimes.Length];
        int distinct = 0;
        var cursor = new RiskCursor(this);
        while (cursor.TryPeekEventTime(out double t))
        {
            times[distinct] = t;
            atRisk[distinct] = cursor.AtRisk(t);
            events[distinct] = cursor.TakeEventsAt(t);
            distinct++;
        }

        Array.Resize(ref times, distinct);
        Array.Resize(ref atRisk, distinct);
        Array.Resize(ref events, distinct);
        return new RiskTable(times, atRisk, events);
    }

    /// <summary>Walks the sorted arrays forward in time; <see cref="AtRisk"/> must be called with non-decreasing times.</summary>
    internal struct RiskCursor(SurvivalSample sample)
    {
        private int nextEvent;
        private int nextCensor;

        public readonly bool TryPeekEventTime(out double time)
        {
            bool any = nextEvent < sample.eventTimes.Length;
            time = any ? sample.eventTimes[nextEvent] : double.NaN;
            return any;
        }

        /// <summary>Accounts still at risk at <paramref name="time"/>: censored at the same time count as at risk.</summary>
        public int AtRisk(double time)
        {
            var censor = sample.censorTimes;
            while (nextCensor < censor.Length && censor[nextCensor] < time) nextCensor++;
            while (nextEvent < sample.eventTimes.Length && sample.eventTimes[nextEvent] < time) nextEvent++;
            return sample.Count - nextEvent - nextCensor;
        }

        /// <summary>Consumes and counts the events exactly at <paramref name="time"/>.</summary>
        public int TakeEventsAt(double time)
        {
            int start = nextEvent;
            while (nextEvent < sample.eventTimes.Length && sample.eventTimes[nextEvent] == time) nextEvent++;
            return nextEvent - start;
        }
    }
}

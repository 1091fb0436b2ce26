using Google.Protobuf.WellKnownTypes;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>The values a hostile or broken client sends: edge numbers, absurd dates, huge and strange strings, malformed names.</summary>
public static class HostileValues
{
    /// <summary>A string whose four UTF-8 bytes <see cref="RawGrpcClient"/> callers swap for invalid UTF-8 after serialisation.</summary>
    public const string InvalidUtf8Marker = "\u0001\u0002\u0003\u0004";

    public static readonly byte[] InvalidUtf8Bytes = [0xC3, 0x28, 0xA0, 0xA1];

    private static readonly string[] Strings =
    [
        "", " ", "a", "\0", "😀", "\u202Egnp.exe", "Robert'); DROP TABLE outcomes;--", "../../etc/passwd", "%00%ff", "null",
        new string('x', 300), new string('é', 5_000), InvalidUtf8Marker,
    ];

    private static readonly string[] MalformedNames =
    [
        "", "/", "experiments/", "experiments/UPPER", "experiments/a b", "experiments/-x", "experiments/" + new string('a', 64),
        "experiments/a/campaigns/", "experiments/a/campaigns/B", "profiles/x/versions/0", "profiles/x/versions/-1",
        "profiles/x/versions/99999999999", "profiles/x/versions/1.5", "profiles//versions/1", "PROFILES/x", "experiments/a/../b",
        "experiments/😀", "experiments/x\0", InvalidUtf8Marker, "experiments/" + InvalidUtf8Marker, new string('/', 5_000),
    ];

    private static readonly double[] Doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, -0.0, 0, 1e308, -1e308, double.Epsilon, 2, 1.0000001, 0.5];

    private static readonly int[] Ints = [int.MinValue, -1, 0, 1, 99, int.MaxValue, 1_000_000];

    private static readonly long[] Longs = [long.MinValue, -1, 0, 1, long.MaxValue, 1_000_000_000_000];

    private static readonly long[] TimestampSeconds = [long.MinValue, -62_135_596_801, -62_135_596_800, -1, 0, 253_402_300_799, 253_402_300_800, long.MaxValue];

    private static readonly int[] Nanos = [int.MinValue, -1, 0, 999_999_999, 1_000_000_000, int.MaxValue];

    public static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    public static string AnyString(Random random) => random.Next(1_000) == 0 ? new string('z', 3_000_000) : Pick(random, Strings);

    public static string MalformedName(Random random) => Pick(random, MalformedNames);

    public static double AnyDouble(Random random) => Pick(random, Doubles);

    public static int AnyInt(Random random) => Pick(random, Ints);

    public static long AnyLong(Random random) => Pick(random, Longs);

    /// <summary>An enum value outside the contract's range (negative, zero, or undefined).</summary>
    public static T Enum<T>(Random random)
        where T : struct, System.Enum => (T)(object)Pick(random, [-1, 0, 99, int.MaxValue]);

    public static Timestamp Timestamp(Random random) => new() { Seconds = Pick(random, TimestampSeconds), Nanos = Pick(random, Nanos) };

    public static Google.Type.Date Date(Random random) => new() { Year = Pick(random, [0, 1, 9999, 10_000, -1, int.MaxValue]), Month = Pick(random, [0, 1, 12, 13, -1]), Day = Pick(random, [0, 1, 31, 32, -5]) };

    public static Google.Type.Money Money(Random random) => new()
    {
        CurrencyCode = Pick(random, ["", "USD", "usd", "XXXX", "€", InvalidUtf8Marker, new string('U', 10_000)]),
        Units = AnyLong(random),
        Nanos = Pick(random, Nanos),
    };

    /// <summary>Money that is certainly invalid: negative, or units and nanos of opposite signs, or nanos out of range.</summary>
    public static Google.Type.Money InvalidMoney(Random random) => Pick<Google.Type.Money>(random,
    [
        new() { CurrencyCode = "USD", Units = -1 },
        new() { CurrencyCode = "USD", Units = 5, Nanos = -5 },
        new() { CurrencyCode = "USD", Units = 1, Nanos = 1_000_000_000 },
        new() { CurrencyCode = "USD", Units = long.MinValue },
    ]);

    /// <summary>Timestamps outside what google.protobuf.Timestamp allows (before year 1, after 9999, bad nanos).</summary>
    public static Timestamp InvalidTimestamp(Random random) => Pick<Timestamp>(random,
    [
        new() { Seconds = -62_135_596_801 },
        new() { Seconds = 253_402_300_800 },
        new() { Seconds = 0, Nanos = -1 },
        new() { Seconds = 0, Nanos = 1_000_000_000 },
        new() { Seconds = long.MaxValue, Nanos = int.MaxValue },
    ]);
}

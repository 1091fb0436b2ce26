namespace IcpExperiments.Statistics.Common;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: a small, fast generator for the inner loops of
/// resampling, where <see cref="Random"/>'s seeded (compatibility) algorithm costs several times more per draw. Callers
/// seed it from their injected <see cref="Random"/>, so results stay reproducible.
/// </summary>
internal struct SeededGenerator
{
    private ulong s0, s1, s2, s3;

    public SeededGenerator(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    public static SeededGenerator From(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new SeededGenerator((ulong)random.NextInt64());
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>), exactly (Lemire's multiply-shift with rejection); bound ≥ 1.</summary>
    public uint NextBelow(uint bound)
    {
        ulong product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        uint low = (uint)product;
        if (low < bound)
        {
            uint threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }

        return (uint)(product >> 32);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

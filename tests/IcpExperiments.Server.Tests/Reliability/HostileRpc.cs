using Google.Protobuf;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// One RPC under attack: its path and a builder of hostile request messages (several for a stream). Builders of
/// writes always apply at least one breaker, a change that makes the request certainly invalid, so no request
/// they build may change the database; noise (strange but possibly valid values) comes on top.
/// </summary>
public sealed record HostileRpc(string Path, Func<Random, IMessage[]> Build)
{
    public static HostileRpc Unary<T>(string path, Func<T> valid, Action<T, Random>[] breakers, Action<T, Random>[] noise)
        where T : IMessage => new(path, random => [Mutate(random, valid(), breakers, noise)]);

    /// <summary>A read: breakers are optional (a valid read changes nothing either).</summary>
    public static HostileRpc Read<T>(string path, Func<T> valid, Action<T, Random>[] changes)
        where T : IMessage => new(path, random => [Mutate(random, valid(), [], changes)]);

    /// <summary>Applies 0–2 noise changes, then (for writes) one breaker, last, so no noise can repair it.</summary>
    public static T Mutate<T>(Random random, T message, Action<T, Random>[] breakers, Action<T, Random>[] noise)
    {
        for (int i = random.Next(noise.Length == 0 ? 1 : 3); i > 0; i--) HostileValues.Pick(random, noise)(message, random);
        if (breakers.Length > 0) HostileValues.Pick(random, breakers)(message, random);
        return message;
    }
}

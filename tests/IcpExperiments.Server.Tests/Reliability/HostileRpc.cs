using Google.Protobuf;
using Grpc.Core;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// One RPC under attack: its path and a builder of hostile request messages (several for a stream). Builders of
/// writes always apply at least one breaker, a change that makes the request certainly invalid, so no request
/// they build may change the database; noise (strange but possibly valid values) comes on top.
/// <para>
/// <see cref="CrossTeam"/> builds a well-formed request aimed at the world's resources (team <c>default</c>): sent
/// with another team's key it must be NOT_FOUND and change nothing. It is null only for RPCs that name no team
/// resource (creates without a parent, lists of the caller's own team, the planner, the server-wide admin RPCs).
/// </para>
/// </summary>
public sealed record HostileRpc(string Path, Func<Random, IMessage[]> Build)
{
    public Func<IMessage[]>? CrossTeam { get; init; }

    /// <summary>
    /// What a cross-team request must get: NOT_FOUND, or, where the foreign resource is referenced from a create's body,
    /// the INVALID_ARGUMENT field violation an unknown resource gets too (either way its existence is not revealed).
    /// </summary>
    public StatusCode CrossTeamCode { get; init; } = StatusCode.NotFound;

    /// <summary>For server-streaming RPCs that never end by themselves (a watch): the deadline they are sent with.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>A write; <paramref name="valid"/> doubles as its cross-team request unless <paramref name="teamScoped"/> is false.</summary>
    public static HostileRpc Unary<T>(string path, Func<T> valid, Action<T, Random>[] breakers, Action<T, Random>[] noise, bool teamScoped = true)
        where T : IMessage => new(path, random => [Mutate(random, valid(), breakers, noise)]) { CrossTeam = teamScoped ? () => [valid()] : null };

    /// <summary>A read: breakers are optional (a valid read changes nothing either).</summary>
    public static HostileRpc Read<T>(string path, Func<T> valid, Action<T, Random>[] changes, bool teamScoped = true)
        where T : IMessage => new(path, random => [Mutate(random, valid(), [], changes)]) { CrossTeam = teamScoped ? () => [valid()] : null };

    /// <summary>Applies 0–2 noise changes, then (for writes) one breaker, last, so no noise can repair it.</summary>
    public static T Mutate<T>(Random random, T message, Action<T, Random>[] breakers, Action<T, Random>[] noise)
    {
        for (int i = random.Next(noise.Length == 0 ? 1 : 3); i > 0; i--) HostileValues.Pick(random, noise)(message, random);
        if (breakers.Length > 0) HostileValues.Pick(random, breakers)(message, random);
        return message;
    }
}

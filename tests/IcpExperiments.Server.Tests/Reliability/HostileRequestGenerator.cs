using Google.Protobuf;
using Grpc.Core;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Seeded stream of hostile requests over every RPC, as raw gRPC bodies: the message bytes themselves may be made
/// unparseable (invalid UTF-8, a cut, an invalid wire type) or carry unknown fields, and one request in ten gets a
/// broken frame (truncated, oversized length prefix, bad compression flag, trailing bytes, no message). One request in
/// eight to an RPC that names a team's resource is instead a well-formed one sent with another team's key
/// (<see cref="HostileRequest.CrossTeam"/>): it must be NOT_FOUND.
/// </summary>
public sealed class HostileRequestGenerator(IReadOnlyList<HostileRpc> rpcs, int seed)
{
    private readonly Random random = new(seed);

    public const string CrossTeamKind = "cross-team";

    /// <summary>One request; <paramref name="Deadline"/> is sent as grpc-timeout (watches only).</summary>
    public sealed record HostileRequest(string Path, string Kind, byte[] Body, TimeSpan? Deadline = null)
    {
        /// <summary>Well-formed, aimed at team <c>default</c>'s resources, to be sent with another team's key.</summary>
        public bool CrossTeam => Kind == CrossTeamKind;

        /// <summary>The one status a cross-team request may get.</summary>
        public StatusCode CrossTeamCode { get; init; } = StatusCode.NotFound;
    }

    /// <summary>Not thread-safe: draw all requests first, then send them concurrently.</summary>
    public HostileRequest Next()
    {
        var rpc = HostileValues.Pick(random, rpcs);
        if (rpc.CrossTeam is not null && random.Next(8) == 0)
            return new(rpc.Path, CrossTeamKind, rpc.CrossTeam().SelectMany(m => RawGrpcClient.Frame(m.ToByteArray())).ToArray(), rpc.Deadline) { CrossTeamCode = rpc.CrossTeamCode };
        var (kind, messages) = MutateMessages(rpc.Build(random).Select(m => m.ToByteArray()).ToArray());
        if (random.Next(10) != 0) return new(rpc.Path, kind, messages.SelectMany(m => RawGrpcClient.Frame(m)).ToArray(), rpc.Deadline);
        var first = messages[0];
        var (frameKind, body) = random.Next(6) switch
        {
            0 => ("frame:truncated", RawGrpcClient.Frame(0, (uint)first.Length + 1 + (uint)random.Next(1000), first)),
            1 => ("frame:oversized", RawGrpcClient.Frame(0, uint.MaxValue - (uint)random.Next(1000), first)),
            2 => ("frame:compressed-without-encoding", RawGrpcClient.Frame(1, (uint)first.Length, first)),
            3 => ("frame:bad-flag", RawGrpcClient.Frame((byte)random.Next(2, 256), (uint)first.Length, first)),
            4 => ("frame:trailing-bytes", [.. RawGrpcClient.Frame(first), .. new byte[1 + random.Next(4)]]),
            _ => ("frame:empty-body", Array.Empty<byte>()),
        };
        return new(rpc.Path, frameKind, body, rpc.Deadline);
    }

    private (string Kind, byte[][] Messages) MutateMessages(byte[][] messages)
    {
        var index = random.Next(messages.Length);
        var message = messages[index];
        var marker = IndexOf(message, System.Text.Encoding.UTF8.GetBytes(HostileValues.InvalidUtf8Marker));
        string kind;
        if (marker >= 0)
        {
            HostileValues.InvalidUtf8Bytes.CopyTo(message, marker);
            kind = "bytes:invalid-utf8";
        }
        else
        {
            switch (random.Next(8))
            {
                // Cut anywhere, then a field header promising bytes that never come: a cut at a field boundary alone
                // would leave a valid, shorter message (a lifecycle call without its etag, say).
                case 0: messages[index] = [.. message.AsSpan(0, random.Next(message.Length + 1)), 0x0A, 0x7F]; kind = "bytes:cut"; break;
                case 1: messages[index] = [.. message, 0x0F, 0x01]; kind = "bytes:invalid-wire-type"; break;
                case 2: messages[index] = [.. message, .. UnknownFields()]; kind = "bytes:unknown-fields"; break;
                default: kind = "message"; break;
            }
        }

        return (kind, messages);
    }

    /// <summary>Fields the contract does not define (numbers 9000+), as varint, length-delimited and fixed64.</summary>
    private byte[] UnknownFields()
    {
        var output = new MemoryStream();
        using (var stream = new CodedOutputStream(output, leaveOpen: true))
        {
            stream.WriteTag(9000 + random.Next(100), WireFormat.WireType.Varint);
            stream.WriteInt64(random.NextInt64());
            stream.WriteTag(9100 + random.Next(100), WireFormat.WireType.LengthDelimited);
            stream.WriteBytes(ByteString.CopyFrom(new byte[random.Next(10_000)]));
            stream.WriteTag(536_870_911, WireFormat.WireType.Fixed64);
            stream.WriteFixed64(ulong.MaxValue);
        }

        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

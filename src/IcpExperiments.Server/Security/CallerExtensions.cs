using Grpc.Core;

namespace IcpExperiments.Server.Security;

/// <summary>
/// The one place a service learns who is calling. Until authentication exists every call is
/// <see cref="Caller.Anonymous"/>; services must never pick a team any other way.
/// </summary>
public static class CallerExtensions
{
    public static Caller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Caller.Anonymous;
    }
}

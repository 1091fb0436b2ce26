using Grpc.Core;

namespace IcpExperiments.Server.Security;

/// <summary>
/// The one place a service learns who is calling: the caller <see cref="AuthenticationInterceptor"/> authenticated
/// from the call's API key. Services must never pick a team any other way.
/// </summary>
public static class CallerExtensions
{
    private static readonly object CallerKey = new();

    public static Caller GetCaller(this ServerCallContext context) =>
        FindCaller(context) ?? throw new InvalidOperationException(
            $"{context.Method} has no authenticated caller: it is open in {nameof(RpcPolicyTable)} but asks who is calling.");

    /// <summary>The authenticated caller, or null for a method open to anonymous callers (health, reflection).</summary>
    public static Caller? FindCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(CallerKey, out var caller) ? (Caller)caller : null;
    }

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[CallerKey] = caller;
}

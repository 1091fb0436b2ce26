using Google.Protobuf;
using Grpc.Core;

namespace IcpExperiments.Server.Errors;

/// <summary>
/// Request marshallers that answer a message which is not valid protobuf for its method (invalid UTF-8 in a string,
/// a bad wire type, a cut message) with INVALID_ARGUMENT. The generated marshallers throw
/// InvalidProtocolBufferException, which grpc-dotnet reports as UNKNOWN for unary calls (the message is parsed
/// before any interceptor runs) and our interceptor as INTERNAL for streams: both blame the server for the client's bytes.
/// </summary>
public static class MalformedMessageMarshallers
{
    public const string Reason = "MALFORMED_MESSAGE";

    public static Method<TRequest, TResponse> WithRequestValidation<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        var inner = method.RequestMarshaller;
        var marshaller = Marshallers.Create(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException exception)
            {
                throw RpcErrors.Plain(StatusCode.InvalidArgument, Reason, RpcErrors.Cap($"The request is not a valid {typeof(TRequest).Name} message: {exception.Message}", 300));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }
}

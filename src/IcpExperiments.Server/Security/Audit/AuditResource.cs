using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IcpExperiments.Server.Security.Audit;

/// <summary>
/// Finds the resource a call is about from its messages, by the AIP field conventions: a response's resource
/// (<c>profile.name</c> of a created profile), else the request's <c>name</c>, a nested <c>x.name</c> or <c>parent</c>.
/// Only name fields are read, so no secret or payload reaches the audit log.
/// </summary>
public static class AuditResource
{
    /// <summary>The resource name in <paramref name="message"/>, or null when it names none.</summary>
    public static string? Of(object? message)
    {
        if (message is not IMessage proto) return null;
        return StringField(proto, "name") ?? NestedName(proto) ?? StringField(proto, "parent");
    }

    private static string? NestedName(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message || field.IsRepeated || field.IsMap) continue;
            if (field.Accessor.GetValue(message) is IMessage nested && StringField(nested, "name") is { } name) return name;
        }

        return null;
    }

    private static string? StringField(IMessage message, string fieldName)
    {
        var field = message.Descriptor.FindFieldByName(fieldName);
        if (field is null || field.FieldType != FieldType.String || field.IsRepeated) return null;
        return field.Accessor.GetValue(message) is string { Length: > 0 } value ? value : null;
    }
}

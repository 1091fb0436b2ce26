using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IcpExperiments.Server.Security.Audit;

/// <summary>
/// Finds the resource a call is about from its messages, by the AIP field conventions: a response's resource
/// (<c>profile.name</c> of a created profile), else the request's <c>name</c>, a nested <c>x.name</c> or <c>parent</c>.
/// Only name fields are read, so no secret or payload reaches the audit log. Which fields those are is worked out once
/// per message type (every audited write asks).
/// </summary>
public static class AuditResource
{
    private static readonly ConcurrentDictionary<MessageDescriptor, NameFields> ByType = new();

    /// <summary>The resource name in <paramref name="message"/>, or null when it names none.</summary>
    public static string? Of(object? message)
    {
        if (message is not IMessage proto) return null;
        var fields = ByType.GetOrAdd(proto.Descriptor, NameFields.Of);
        return Text(fields.Name, proto) ?? NestedName(fields, proto) ?? Text(fields.Parent, proto);
    }

    private static string? NestedName(NameFields fields, IMessage message)
    {
        foreach (var (nested, name) in fields.Nested)
        {
            if (nested.GetValue(message) is IMessage value && Text(name, value) is { } text) return text;
        }

        return null;
    }

    private static string? Text(IFieldAccessor? field, IMessage message) => field?.GetValue(message) is string { Length: > 0 } value ? value : null;

    /// <summary>A message type's <c>name</c> and <c>parent</c> string fields, and its singular message fields that have a <c>name</c>, in field-number order.</summary>
    private sealed record NameFields(IFieldAccessor? Name, (IFieldAccessor Message, IFieldAccessor Name)[] Nested, IFieldAccessor? Parent)
    {
        public static NameFields Of(MessageDescriptor type) => new(
            StringField(type, "name"),
            [.. type.Fields.InFieldNumberOrder()
                .Where(f => f.FieldType == FieldType.Message && !f.IsRepeated && !f.IsMap && StringField(f.MessageType, "name") is not null)
                .Select(f => (f.Accessor, StringField(f.MessageType, "name")!))],
            StringField(type, "parent"));

        private static IFieldAccessor? StringField(MessageDescriptor type, string fieldName) =>
            type.FindFieldByName(fieldName) is { FieldType: FieldType.String, IsRepeated: false } field ? field.Accessor : null;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Storage.Conversions;

/// <summary>
/// JSON of the document columns (criteria, fit tiers, arms, guardrails, attributes): lower_snake names, enums as
/// strings, criteria tagged by a <c>type</c> discriminator so each comes back as its own record type.
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored JSON '{json}' is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddCriterionTypes } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }

    private static void AddCriterionTypes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Criterion)) return;
        typeInfo.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(CategoricalCriterion), "categorical"),
                new JsonDerivedType(typeof(RangeCriterion), "range"),
                new JsonDerivedType(typeof(BooleanCriterion), "boolean"),
            },
        };
    }
}

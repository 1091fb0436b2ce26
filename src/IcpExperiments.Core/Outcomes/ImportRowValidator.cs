

namespace IcpExperiments.Core.Outcomes;

/// <summary>Field rules of one bulk row; the first violation becomes the row's rejection.</summary>
public static class ImportRowValidator
{
    public static RowRejection? Validate(ImportRow row, int index, DateTimeOffset now) => throw new NotImplementedException("core helper implements this");
}

using IcpExperiments.Core.Outcomes;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>
/// Bulk import batches between the contract and the domain. A row that cannot even be mapped (e.g. a missing
/// timestamp) is passed on as an empty row, which the domain rejects at the same index, so row indices never need
/// remapping; its rejection is then replaced by the precise proto-level one. Rejected fields are reported as paths
/// within the row, in contract terms (<c>outcome.converted.acv</c>).
/// </summary>
public static class ImportMapping
{
    public static ImportBatch ToDomain(string experimentId, V1.ImportOutcomesRequest request, out IReadOnlyDictionary<int, RowRejection> protoRejections)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rejections = new Dictionary<int, RowRejection>();
        var rows = new List<ImportRow>(request.Rows.Count);
        // One validation collects the whole batch's violations; a row is invalid when it added any (no per-row allocation).
        var validation = new RequestValidation();
        for (int i = 0; i < request.Rows.Count; i++)
        {
            int before = validation.Violations.Count;
            var row = ToDomain(experimentId, request.Rows[i], validation);
            if (validation.Violations.Count == before)
            {
                rows.Add(row);
                continue;
            }

            var first = validation.Violations[before];
            rejections[i] = new RowRejection(i, ImportRowValidator.InvalidRowReason, first.Field, first.Description);
            rows.Add(new ImportRow(null, null));
        }

        protoRejections = rejections;
        return new ImportBatch(request.BatchId, rows);
    }

    /// <summary>The acknowledgement of a batch: counts, and every rejection with its field path in contract terms.</summary>
    public static V1.ImportOutcomesResponse ToProto(BatchResult result, ImportBatch batch, IReadOnlyDictionary<int, RowRejection> protoRejections)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(protoRejections);
        var response = new V1.ImportOutcomesResponse
        {
            BatchId = result.BatchId,
            AcceptedCount = result.Accepted,
            DuplicateCount = result.Duplicates,
        };
        response.RejectedRows.AddRange(result.Rejections.Select(r => protoRejections.GetValueOrDefault(r.Index, r)).Select(r => new V1.RejectedRow
        {
            Index = r.Index,
            Reason = r.Reason,
            Field = protoRejections.ContainsKey(r.Index) ? r.Field : RowField(r.Field, batch.Rows[r.Index]),
            Description = r.Message,
        }));
        return response;
    }

    private static ImportRow ToDomain(string experimentId, V1.ImportRow row, RequestValidation validation) => row.RowCase switch
    {
        V1.ImportRow.RowOneofCase.Enrolment => new ImportRow(EnrolmentMapping.ToDomain(experimentId, row.Enrolment, "enrolment", validation), null),
        V1.ImportRow.RowOneofCase.Outcome => new ImportRow(null, OutcomeMapping.ToDomain(row.Outcome, "outcome", validation)),
        _ => new ImportRow(null, null), // Left to the domain, which rejects it as MALFORMED_ROW.
    };

    // Storage names a row's field without the row kind ("occurred_at"), the validators with it ("outcome.acv").
    private static string RowField(string field, ImportRow row)
    {
        if (field.Length == 0) return field;
        var kind = row.Enrolment is not null ? "enrolment" : "outcome";
        var qualified = field.StartsWith(kind, StringComparison.Ordinal) ? field : $"{kind}.{field}";
        return ContractFieldPaths.ToContract(qualified, row.Outcome?.Kind);
    }
}

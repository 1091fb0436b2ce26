using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IcpExperiments.Storage.Telemetry;

/// <summary>
/// A client span per EF Core command, for any provider (the EF Core instrumentation package is not available here).
/// The span starts when the command is about to run and ends when EF has its result (for a query: the open reader)
/// or its error. Without a listener every hook returns at the first check.
/// </summary>
internal sealed class DbCommandTracingInterceptor : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, Activity> running = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Start(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Start(command, result));

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Stop(command, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Start(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Start(command, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Stop(command, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Start(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Start(command, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Stop(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(command, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Fail(command, eventData.Exception);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Fail(command, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Fail(command, null);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Fail(command, null);
        return Task.CompletedTask;
    }

    // Not async on purpose: the span becomes Activity.Current for the command's execution in the caller's flow, and
    // Stop (same flow) restores its parent.
    private T Start<T>(DbCommand command, T result)
    {
        var activity = StorageTelemetry.StartCommand(command);
        if (activity is not null) running.AddOrUpdate(command, activity);
        return result;
    }

    private T Stop<T>(DbCommand command, T result)
    {
        if (StorageTelemetry.IsTracing && running.TryGetValue(command, out var activity))
        {
            running.Remove(command);
            activity.Dispose();
        }

        return result;
    }

    private void Fail(DbCommand command, Exception? error)
    {
        if (!StorageTelemetry.IsTracing || !running.TryGetValue(command, out var activity)) return;
        running.Remove(command);
        if (error is null) activity.SetStatus(ActivityStatusCode.Error, "canceled").SetTag("error.type", "canceled");
        else StorageTelemetry.RecordError(activity, error);
        activity.Dispose();
    }
}

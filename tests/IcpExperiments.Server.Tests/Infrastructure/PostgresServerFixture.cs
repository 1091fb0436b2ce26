namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>The shared server of <see cref="PostgresSharedServer"/>: the same binary on PostgreSQL.</summary>
public sealed class PostgresServerFixture() : ServerFixture(StorageEngine.Postgres);

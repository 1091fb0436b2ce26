namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>The database engine an end-to-end test runs the server on; the parameterized tests run once per engine.</summary>
public enum StorageEngine
{
    Sqlite,
    Postgres,
}

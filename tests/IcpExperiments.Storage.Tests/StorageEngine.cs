namespace IcpExperiments.Storage.Tests;

/// <summary>The database engine a test class runs against; each storage test class runs once per engine.</summary>
public enum StorageEngine
{
    Sqlite,
    Postgres,
}

namespace IcpExperiments.Storage;

/// <summary>
/// A database engine other than the built-in SQLite, registered by its own assembly (which holds its migrations and its
/// driver), so this assembly needs no reference to it. <see cref="StorageOptions.Provider"/> picks one by name.
/// </summary>
internal sealed record StorageProviderRegistration(string Name, Func<StorageOptions, IStorageProvider> Create);

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Igo.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model from this class library alone
/// (<c>dotnet ef migrations add Name --project Igo.Data --startup-project Igo.Data</c>). It never connects.
/// </summary>
public sealed class IgoDbContextDesignFactory : IDesignTimeDbContextFactory<IgoDbContext>
{
    public IgoDbContext CreateDbContext(string[] args) => new(CreateOptions("Host=localhost;Database=igo;Username=igo"));

    internal static DbContextOptions<IgoDbContext> CreateOptions(string connectionString) =>
        new DbContextOptionsBuilder<IgoDbContext>().UseNpgsql(connectionString).Options;
}

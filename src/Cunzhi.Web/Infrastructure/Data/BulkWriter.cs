using System.Data.Common;
using Cunzhi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cunzhi.Web.Infrastructure.Data;

/// <summary>
/// The fast path for many rows: binary COPY on PostgreSQL, one prepared INSERT reused in one
/// transaction on SQLite. Table and column names come from the EF model, so they follow the
/// migrations. Inside the context's current transaction (a payroll computation) the rows join it;
/// otherwise SQLite gets a transaction of its own. Rows written here skip the context's scope check and
/// row audit, so only two kinds of caller use it: the seeders, which act as the system (demo and benchmark
/// generation), and <see cref="ScopeGateway.InsertInRegionAsync{T}"/>, which checks every row's region first
/// (payroll lines); each records one summary entry in the audit chain. A convention test keeps it that way.
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    public Task<long> WriteAsync<T>(IEnumerable<T> rows, string[] properties, Func<T, object?[]> values, CancellationToken ct = default)
        => WriteAsync(typeof(T), rows, properties, values, ct);

    /// <summary>Writes rows of any shape into the table of <paramref name="entity"/>; <paramref name="properties"/> are that entity's.</summary>
    public async Task<long> WriteAsync<TRow>(Type entity, IEnumerable<TRow> rows, string[] properties, Func<TRow, object?[]> values, CancellationToken ct = default)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} 不是实体");
        var table = type.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = properties.Select(p => type.FindProperty(p)!.GetColumnName(store)!).ToArray();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        // The context's command timeout when one is set (the demo seeder raises it), not the connection's default of 30 seconds.
        return connection switch
        {
            NpgsqlConnection pg => await CopyAsync(pg, table, columns, rows, values, db.Database.GetCommandTimeout(), ct),
            _ => await InsertAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), table, columns, rows, values, db.Database.GetCommandTimeout(), ct),
        };
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection pg, string table, string[] columns, IEnumerable<T> rows, Func<T, object?[]> values, int? timeoutSeconds, CancellationToken ct)
    {
        long n = 0;
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await pg.BeginBinaryImportAsync(sql, ct))
        {
            if (timeoutSeconds is { } seconds) writer.Timeout = TimeSpan.FromSeconds(seconds);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var v in values(row))
                {
                    switch (v)
                    {
                        case null: await writer.WriteNullAsync(ct); break;
                        case string s: await writer.WriteAsync(s, ct); break;
                        case long l: await writer.WriteAsync(l, ct); break;
                        case int i: await writer.WriteAsync(i, ct); break;
                        case bool b: await writer.WriteAsync(b, ct); break;
                        case DateOnly d: await writer.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.Date, ct); break;
                        case DateTime t: await writer.WriteAsync(t, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct); break;
                        case decimal m: await writer.WriteAsync(m, NpgsqlTypes.NpgsqlDbType.Numeric, ct); break;
                        case Enum e: await writer.WriteAsync(Convert.ToInt32(e), ct); break;
                        default: throw new NotSupportedException($"批量写入不支持类型 {v.GetType().Name}");
                    }
                }
                n++;
            }
            await writer.CompleteAsync(ct);
        }
        return n;
    }

    /// <summary>
    /// One prepared single-row INSERT, re-bound and re-run per row. Multi-row statements are slower here, not faster:
    /// Microsoft.Data.Sqlite looks every parameter up by name on each execution, and SQLite's lookup is linear in the
    /// statement's parameters, so a 24-column pay line ran at about 55,000 rows/s one row a statement, 45,000 at 10 and
    /// 11,000 at 100 (20,000 rows, three indexes, one transaction; BENCHMARKS.md).
    /// </summary>
    private static async Task<long> InsertAsync<T>(DbConnection connection, DbTransaction? outer, string table, string[] columns, IEnumerable<T> rows,
        Func<T, object?[]> values, int? timeoutSeconds, CancellationToken ct)
    {
        long n = 0;
        var own = outer is null ? await connection.BeginTransactionAsync(ct) : null;
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = outer ?? own;
            if (timeoutSeconds is { } seconds) cmd.CommandTimeout = seconds;
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "$p" + i;
                cmd.Parameters.Add(p);
                return p;
            }).ToArray();
            await cmd.PrepareAsync(ct);
            foreach (var row in rows)
            {
                var v = values(row);
                for (var i = 0; i < v.Length; i++) parameters[i].Value = v[i] switch { null => DBNull.Value, Enum e => Convert.ToInt32(e), var x => x };
                await cmd.ExecuteNonQueryAsync(ct);
                n++;
            }
            if (own is not null) await own.CommitAsync(ct);
            return n;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>After explicit ids were written, moves PostgreSQL's identity sequence past them.</summary>
    public async Task ResetIdentityAsync<T>(CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return;
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
#pragma warning disable EF1002 // table name comes from the model, not from input
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
    }

    public async Task<long> NextIdAsync<T>(CancellationToken ct = default) where T : class
    {
        var max = await db.Set<T>().IgnoreQueryFilters().MaxAsync(e => (long?)EF.Property<long>(e, "Id"), ct);
        return (max ?? 0) + 1;
    }
}

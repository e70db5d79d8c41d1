using System.Data.Common;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// The fast path for generated data: binary COPY on PostgreSQL, one prepared INSERT reused in a
/// single transaction on SQLite. Table and column names come from the EF model, so they follow
/// the migrations. Used only by system operations (demo and benchmark generation), which record
/// one summary entry in the audit chain instead of one per row.
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
            _ => await InsertAsync(connection, table, columns, rows, values, db.Database.GetCommandTimeout(), ct),
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
                        default: throw new NotSupportedException($"批量写入不支持类型 {v.GetType().Name}");
                    }
                }
                n++;
            }
            await writer.CompleteAsync(ct);
        }
        return n;
    }

    private static async Task<long> InsertAsync<T>(DbConnection connection, string table, string[] columns, IEnumerable<T> rows, Func<T, object?[]> values, int? timeoutSeconds, CancellationToken ct)
    {
        long n = 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
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
            for (var i = 0; i < v.Length; i++) parameters[i].Value = v[i] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
            n++;
        }
        await tx.CommitAsync(ct);
        return n;
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

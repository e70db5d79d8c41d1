using System.Data.Common;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// The fast path for many rows: binary COPY on PostgreSQL, prepared multi-row INSERTs reused in one
/// transaction on SQLite. Table and column names come from the EF model, so they follow the
/// migrations. Inside the context's current transaction (a payroll computation) the rows join it;
/// otherwise SQLite gets a transaction of its own. Rows written here skip the context's scope check and
/// row audit: callers check scope themselves and record one summary entry in the audit chain
/// (demo and benchmark generation, payroll lines).
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

    /// <summary>Rows per INSERT statement on SQLite: enough to amortise each statement's cost, well under its 32,766 parameters.</summary>
    private const int RowsPerStatement = 100;

    private static async Task<long> InsertAsync<T>(DbConnection connection, DbTransaction? outer, string table, string[] columns, IEnumerable<T> rows,
        Func<T, object?[]> values, int? timeoutSeconds, CancellationToken ct)
    {
        long n = 0;
        var own = outer is null ? await connection.BeginTransactionAsync(ct) : null;
        var tx = outer ?? own!;
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        DbCommand Prepare(int count)
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            if (timeoutSeconds is { } seconds) cmd.CommandTimeout = seconds;
            cmd.CommandText = head + string.Join(", ", Enumerable.Range(0, count).Select(r =>
                "(" + string.Join(", ", columns.Select((_, c) => $"$p{r * columns.Length + c}")) + ")"));
            for (var p = 0; p < count * columns.Length; p++)
            {
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = "$p" + p;
                cmd.Parameters.Add(parameter);
            }
            cmd.Prepare();
            return cmd;
        }
        try
        {
            var buffer = new List<object?[]>(RowsPerStatement);
            DbCommand? full = null;
            async Task FlushAsync(DbCommand cmd)
            {
                for (var r = 0; r < buffer.Count; r++)
                    for (var c = 0; c < columns.Length; c++)
                        cmd.Parameters[r * columns.Length + c].Value = buffer[r][c] switch { null => DBNull.Value, Enum e => Convert.ToInt32(e), var v => v };
                await cmd.ExecuteNonQueryAsync(ct);
                n += buffer.Count;
                buffer.Clear();
            }
            try
            {
                foreach (var row in rows)
                {
                    buffer.Add(values(row));
                    if (buffer.Count < RowsPerStatement) continue;
                    await FlushAsync(full ??= Prepare(RowsPerStatement));
                }
                if (buffer.Count > 0)
                {
                    await using var rest = Prepare(buffer.Count);
                    await FlushAsync(rest);
                }
            }
            finally
            {
                if (full is not null) await full.DisposeAsync();
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

package ingest

import (
	"context"
	"database/sql/driver"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// insertBenchRows is the number of rows each BenchmarkInsert run inserts.
const insertBenchRows = 200_000

// BenchmarkInsert inserts the same rows of every canonical type three
// ways: through the table function with chunks written directly (the
// loader's path, package rawchunk), through the same table function with
// duckdb-go's public DataChunk.SetValue (the fallback when the driver
// changes), and with duckdb-go's public Appender (AppendRow per row).
// Compare ns/op within one run:
//
//	go test ./ingest -run '^$' -bench Insert -count 5
func BenchmarkInsert(b *testing.B) {
	ctx := context.Background()
	for _, mode := range []string{"direct", "setvalue", "appender"} {
		b.Run(mode, func(b *testing.B) {
			conn := openConn(b)
			b.SetBytes(0)
			for b.Loop() {
				b.StopTimer()
				if _, err := conn.ExecContext(ctx, "DROP TABLE IF EXISTS every_type; "+vectorTable.CreateSQL()); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if mode != "appender" {
					insertRows(b, conn, vectorTable, "a file name longer than twelve bytes.csv", insertBenchRows, mode == "direct")
					continue
				}
				appenderRows(b, conn, insertBenchRows)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/insertBenchRows, "ns/row")
		})
	}
}

// appenderRows inserts rows rows of fillBatch into every_type with
// duckdb-go's Appender.
func appenderRows(b *testing.B, conn interface {
	Raw(func(any) error) error
}, rows int) {
	b.Helper()
	batch := newRowBatch(vectorTable)
	err := conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", vectorTable.Name)
		if err != nil {
			return err
		}
		vals := make([]driver.Value, len(batch.cols)+2)
		for first := 0; first < rows; first += batchRows {
			fillBatch(batch, first, min(batchRows, rows-first))
			for i := range batch.n {
				for ci := range batch.cols {
					vals[ci] = batch.cols[ci].driverValue(i)
				}
				vals[len(batch.cols)] = "a file name longer than twelve bytes.csv"
				vals[len(batch.cols)+1] = batch.nums[i]
				if err := a.AppendRow(vals...); err != nil {
					a.Close()
					return err
				}
			}
		}
		return a.Close()
	})
	if err != nil {
		b.Fatal(err)
	}
}

package ingest_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

const benchRows = 100_000

// writeBenchCSV writes a semicolon-separated portal_photos export of n rows
// with Dutch date-times, as the parent portal would.
func writeBenchCSV(b *testing.B, dir string, n int) string {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("photo_id;portal_child_id;posted_at;group_name;posted_by;removed_at\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "F%07d;P%05d;%02d-%02d-2025 %02d:%02d;Rupsjes;Medewerker %d;\n", i, i%5000, i%28+1, i%12+1, i%24, i%60, i%40)
	}
	p := filepath.Join(dir, "photos.csv")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte("version: 1\norganisation: bench\nsystems:\n  portal:\n    product: Konnect\n    files:\n      - {file: photos.csv, table: portal_photos}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkLoadCSV measures avgaudit's CSV ingest (parse, validate, append
// with provenance); compare with BenchmarkDuckDBReadCSV from the same run.
func BenchmarkLoadCSV(b *testing.B) {
	dir := b.TempDir()
	p := writeBenchCSV(b, dir, benchRows)
	st, _ := os.Stat(p)
	fsys := os.DirFS(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := sql.Open("duckdb", "")
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.Load(context.Background(), db, fsys, ".", m)
		if err != nil || res.Inputs[0].RowsLoaded != benchRows {
			b.Fatalf("load: %v", err)
		}
		db.Close()
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkDuckDBReadCSV is the baseline: DuckDB's own CSV reader loading the
// same file into a table, with no validation or provenance.
func BenchmarkDuckDBReadCSV(b *testing.B) {
	dir := b.TempDir()
	p := writeBenchCSV(b, dir, benchRows)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := sql.Open("duckdb", "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Exec(fmt.Sprintf("CREATE TABLE t AS SELECT * FROM read_csv('%s', delim=';', header=true, timestampformat='%%d-%%m-%%Y %%H:%%M')", p)); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

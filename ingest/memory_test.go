package ingest_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

// TestLoadMemoryFlat loads a CSV export of 50,000 and of 200,000 rows, with
// keys and rejects, and expects the Go heap's peak to stay about the same:
// nothing in the loader may keep something per row (rows and keys are in
// DuckDB, rejects in its rejects table), also when every row is rejected
// (a date column in a format avgaudit does not read, or a key column
// mapped to a column that holds one value).
func TestLoadMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 750,000 rows")
	}
	tests := []struct {
		name     string
		every    int  // every every-th row has an impossible date
		sameKey  bool // every row has the first row's key
		rejected func(rows int) int
	}{
		{"every 50th row rejected", 50, false, func(n int) int { return n / 50 }},
		{"every row rejected", 1, false, func(n int) int { return n }},
		{"every row a duplicate key", 0, true, func(n int) int { return n - 1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			peak := map[int]uint64{}
			for _, rows := range []int{50_000, 200_000} {
				dir := t.TempDir()
				writeChildrenRejecting(t, dir, rows, tc.every, tc.sameKey)
				fsys := os.DirFS(dir)
				m, err := manifest.Load(fsys, ".")
				if err != nil {
					t.Fatal(err)
				}
				db, err := sql.Open("duckdb", "")
				if err != nil {
					t.Fatal(err)
				}
				runtime.GC()
				w := watchHeap()
				res, err := ingest.Load(context.Background(), db, fsys, ".", m)
				peak[rows] = w.stop()
				db.Close()
				if err != nil || res.Inputs[0].RowsRead != rows || res.Inputs[0].RowsRejected != tc.rejected(rows) {
					t.Fatalf("load %d rows: %v; read %d, rejected %d, want %d", rows, err, res.Inputs[0].RowsRead, res.Inputs[0].RowsRejected, tc.rejected(rows))
				}
			}
			t.Logf("peak Go heap: %.1f MiB for 50,000 rows, %.1f MiB for 200,000", float64(peak[50_000])/(1<<20), float64(peak[200_000])/(1<<20))
			if peak[200_000] > peak[50_000]*3/2+4<<20 {
				t.Errorf("the Go heap grows with the rows: peak %d bytes for 50,000 rows, %d for 200,000", peak[50_000], peak[200_000])
			}
		})
	}
}

// writeChildren writes an admin_children export of n rows; every 50th has
// an impossible date.
func writeChildren(t *testing.T, dir string, n int) {
	t.Helper()
	writeChildrenRejecting(t, dir, n, 50, false)
}

// writeChildrenRejecting writes an admin_children export of n rows; every
// every-th (if every > 0) has an impossible date, and with sameKey every row
// has the first row's child_id.
func writeChildrenRejecting(t *testing.T, dir string, n, every int, sameKey bool) {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("child_id;first_name;care_end\n")
	for i := range n {
		end := ""
		if every > 0 && i%every == every-1 {
			end = "31-02-2025"
		}
		key := i
		if sameKey {
			key = 0
		}
		fmt.Fprintf(&sb, "K%07d;Kind %d;%s\n", key, i%100, end)
	}
	writeFile(t, dir, "f.csv", sb.String())
	writeChildrenManifest(t, dir)
}

// TestLoadLetsGoOfBatches loads several exports and expects the Go heap,
// once the load is over, to hold none of their batches: the table
// functions the loader registers stay on the connection the audit goes on
// using.
func TestLoadLetsGoOfBatches(t *testing.T) {
	dir := t.TempDir()
	var man strings.Builder
	man.WriteString("version: 1\norganisation: x\nsystems:\n  admin:\n    product: P\n    files:\n")
	for f := range 6 {
		var sb strings.Builder
		sb.WriteString("child_id;first_name;last_name;address;city;care_end\n")
		for i := range 20_000 {
			fmt.Fprintf(&sb, "K%d-%07d;Voornaam nummer %d;Achternaam van kind %d;Straatweg %d;Plaatsnaam;\n", f, i, i, i, i)
		}
		writeFile(t, dir, fmt.Sprintf("f%d.csv", f), sb.String())
		fmt.Fprintf(&man, "      - {file: f%d.csv, table: admin_children}\n", f)
	}
	writeFile(t, dir, "manifest.yaml", man.String())
	fsys := os.DirFS(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	db := openDB(t)
	if _, err := ingest.Load(context.Background(), db, fsys, ".", m); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > 16<<20 {
		t.Errorf("%.1f MiB of Go heap in use after the load, want less than 16", float64(ms.HeapAlloc)/(1<<20))
	}
	if _, err := db.Exec("SELECT 1"); err != nil { // the connection lives on
		t.Fatal(err)
	}
}

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

// TestLoadMemoryFlat loads a CSV export of 20,000 and of 200,000 rows, with
// keys and rejects, and expects the Go heap's peak to stay about the same:
// nothing in the loader may keep something per row (rows and keys are in
// DuckDB, rejects in its rejects table), also when every row is rejected
// (a date column in a format avgaudit does not read).
func TestLoadMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 440,000 rows")
	}
	for _, every := range []int{50, 1} {
		t.Run(fmt.Sprintf("every %dth row rejected", every), func(t *testing.T) {
			peak := map[int]uint64{}
			for _, rows := range []int{20_000, 200_000} {
				dir := t.TempDir()
				writeChildrenRejecting(t, dir, rows, every)
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
				if err != nil || res.Inputs[0].RowsRead != rows || res.Inputs[0].RowsRejected != rows/every {
					t.Fatalf("load %d rows: %v", rows, err)
				}
			}
			t.Logf("peak Go heap: %.1f MiB for 20,000 rows, %.1f MiB for 200,000", float64(peak[20_000])/(1<<20), float64(peak[200_000])/(1<<20))
			if peak[200_000] > peak[20_000]*3/2+4<<20 {
				t.Errorf("the Go heap grows with the rows: peak %d bytes for 20,000 rows, %d for 200,000", peak[20_000], peak[200_000])
			}
		})
	}
}

// writeChildren writes an admin_children export of n rows; every 50th has
// an impossible date.
func writeChildren(t *testing.T, dir string, n int) {
	t.Helper()
	writeChildrenRejecting(t, dir, n, 50)
}

// writeChildrenRejecting writes an admin_children export of n rows; every
// every-th has an impossible date.
func writeChildrenRejecting(t *testing.T, dir string, n, every int) {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("child_id;first_name;care_end\n")
	for i := range n {
		end := ""
		if i%every == every-1 {
			end = "31-02-2025"
		}
		fmt.Fprintf(&sb, "K%07d;Kind %d;%s\n", i, i%100, end)
	}
	writeFile(t, dir, "f.csv", sb.String())
	writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  admin:\n    product: P\n    files:\n      - {file: f.csv, table: admin_children}\n")
}

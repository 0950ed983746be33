package ingest_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

// benchRows is the size of the generated exports: AVGAUDIT_BENCH_ROWS, or
// def (small, so that a plain go test -bench stays quick).
func benchRows(b *testing.B, def int) int {
	b.Helper()
	s := os.Getenv("AVGAUDIT_BENCH_ROWS")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("AVGAUDIT_BENCH_ROWS=%q: want a positive number", s)
	}
	return n
}

const photosManifest = "version: 1\norganisation: bench\nsystems:\n  portal:\n    product: Konnect\n    files:\n      - {file: %s, table: portal_photos%s}\n"

// writeBenchCSV writes a semicolon-separated portal_photos export of n rows
// with Dutch date-times, as the parent portal would.
func writeBenchCSV(b testing.TB, dir string, n int) string {
	b.Helper()
	p := filepath.Join(dir, "photos.csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("photo_id;portal_child_id;posted_at;group_name;posted_by;removed_at\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "F%07d;P%05d;%02d-%02d-2025 %02d:%02d;Rupsjes;Medewerker %d;\n", i, i%5000, i%28+1, i%12+1, i%24, i%60, i%40)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	writeBenchManifest(b, dir, "photos.csv", "")
	return p
}

func writeBenchManifest(b testing.TB, dir, file, extra string) {
	b.Helper()
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(fmt.Sprintf(photosManifest, file, extra)), 0o644); err != nil {
		b.Fatal(err)
	}
}

// loadBench writes an export of benchRows rows (default def) with write,
// loads it b.N times, each into a new database, and reports rows/s and CPU.
func loadBench(b *testing.B, def int, write func(b testing.TB, dir string, n int) string) {
	dir := b.TempDir()
	rows := benchRows(b, def)
	if st, err := os.Stat(write(b, dir, rows)); err == nil {
		b.SetBytes(st.Size())
	}
	fsys := ingest.OSDir(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		b.Fatal(err)
	}
	// Measure the load's peak memory, not the generator's.
	debug.FreeOSMemory()
	resetPeakRSS()
	heap := watchHeap()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := sql.Open("duckdb", "")
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.Load(context.Background(), db, fsys, ".", m)
		if err != nil || res.Inputs[0].RowsLoaded != rows {
			b.Fatalf("load: %v", err)
		}
		db.Close()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	reportCPU(b, cpu0)
	b.ReportMetric(float64(heap.stop())/(1<<20), "peak-heap-MiB")
}

// heapWatch samples the Go heap in use while a load runs.
type heapWatch struct {
	done chan struct{}
	peak chan uint64
}

// watchHeap starts sampling the bytes of live and not yet swept heap
// objects every millisecond (runtime/metrics, which does not stop the
// world); stop returns the peak.
func watchHeap() *heapWatch {
	w := &heapWatch{done: make(chan struct{}), peak: make(chan uint64)}
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-tick.C:
			case <-w.done:
				w.peak <- peak
				return
			}
		}
	}()
	return w
}

func (w *heapWatch) stop() uint64 {
	close(w.done)
	return <-w.peak
}

// BenchmarkLoadCSV measures avgaudit's CSV ingest (parse, validate, insert
// with provenance); compare with BenchmarkDuckDBReadCSV from the same run.
// peak-heap-MiB, the Go heap's peak, stays flat as the export grows (the
// rows themselves are in DuckDB's memory, an in-memory database here).
func BenchmarkLoadCSV(b *testing.B) { loadBench(b, 100_000, writeBenchCSV) }

// BenchmarkDuckDBReadCSV is the baseline: DuckDB's own CSV reader loading the
// same file into a table, with no validation or provenance.
func BenchmarkDuckDBReadCSV(b *testing.B) {
	dir := b.TempDir()
	p := writeBenchCSV(b, dir, benchRows(b, 100_000))
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	cpu0 := cpuTime()
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
	b.ReportMetric(float64(benchRows(b, 100_000))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	reportCPU(b, cpu0)
}

// cpuTime is the CPU time (user and system, all threads) this process used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU seconds per operation since start: on a busy
// machine a fairer comparison than the wall time in ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// writeBenchXLSX writes a portal_photos workbook of n rows with excelize's
// StreamWriter; posted_at is a serial date-time with a date style.
func writeBenchXLSX(b testing.TB, dir string, n int) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	if err != nil {
		b.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"photo_id", "portal_child_id", "posted_at", "group_name", "posted_by", "removed_at"}); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		serial := 45658 + float64(i%365) + float64(i%1440)/1440
		row := []any{fmt.Sprintf("F%07d", i), fmt.Sprintf("P%05d", i%5000), excelize.Cell{StyleID: style, Value: serial}, "Rupsjes", fmt.Sprintf("Medewerker %d", i%40)}
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "photos.xlsx")
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	writeBenchManifest(b, dir, "photos.xlsx", ", sheet: Sheet1")
	return p
}

// BenchmarkLoadXLSX measures workbook ingest through the streaming sheet
// reader (sheetxml.go); it reports rows/s and the process's peak
// resident memory (VmHWM), which must stay flat as the workbook grows.
func BenchmarkLoadXLSX(b *testing.B) {
	loadBench(b, 200_000, writeBenchXLSX)
	if hwm, ok := peakRSS(); ok {
		b.ReportMetric(float64(hwm)/(1<<20), "peak-MiB")
	}
}

// resetPeakRSS resets the kernel's peak resident set size of this process
// (Linux; elsewhere peakRSS reports the peak since start).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS reads the peak resident set size from /proc/self/status (Linux).
func peakRSS() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

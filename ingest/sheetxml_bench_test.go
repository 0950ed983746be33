package ingest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkSheetRows reads the same sheets with excelize's row iterator
// (raw values, as the loader used to; formatted values) and with the
// streaming reader the loader uses now, in one run: compare rows/s. Sheet
// "Shared" holds its text in shared strings, as Excel writes it; sheet
// "Stream" inline, as excelize's StreamWriter writes it. Rows from
// AVGAUDIT_BENCH_ROWS (default 50,000).
//
//	AVGAUDIT_BENCH_ROWS=200000 go test ./ingest -run '^$' -bench SheetRows -benchtime 3x
func BenchmarkSheetRows(b *testing.B) {
	n := 50_000
	if s := os.Getenv("AVGAUDIT_BENCH_ROWS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("AVGAUDIT_BENCH_ROWS=%q: want a positive number", s)
		}
	}
	for _, sheet := range []string{"Shared", "Stream"} {
		p := writeSheetBench(b, n, sheet)
		b.Run(sheet+"/excelize-raw", func(b *testing.B) { benchExcelize(b, p, sheet, n, true) })
		b.Run(sheet+"/excelize-formatted", func(b *testing.B) { benchExcelize(b, p, sheet, n, false) })
		b.Run(sheet+"/stream", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				x, err := openXLSXFile(p)
				if err != nil {
					b.Fatal(err)
				}
				sr, err := x.sheet(sheet)
				if err != nil {
					b.Fatal(err)
				}
				rows := 0
				for {
					_, _, err := sr.Next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					rows++
				}
				if rows != n+1 {
					b.Fatalf("%d rows, want %d", rows, n+1)
				}
				x.close()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

func benchExcelize(b *testing.B, p, sheet string, n int, raw bool) {
	for i := 0; i < b.N; i++ {
		f, err := excelize.OpenFile(p, excelize.Options{UnzipXMLSizeLimit: unzipXMLLimit, UnzipSizeLimit: unzipLimit})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: raw}); err != nil {
				b.Fatal(err)
			}
		}
		rows.Close()
		f.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// writeSheetBench writes a portal_photos-like workbook of n rows in one
// sheet: with shared strings (sheet Shared) or through the StreamWriter
// (Stream).
func writeSheetBench(b *testing.B, n int, sheet string) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	if err != nil {
		b.Fatal(err)
	}
	header := []any{"photo_id", "portal_child_id", "posted_at", "group_name", "posted_by", "removed_at"}
	row := func(i int) []any {
		serial := 45658 + float64(i%365) + float64(i%1440)/1440
		return []any{fmt.Sprintf("F%07d", i), fmt.Sprintf("P%05d", i%5000), excelize.Cell{StyleID: style, Value: serial}, "Rupsjes", fmt.Sprintf("Medewerker %d", i%40)}
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), sheet+".xlsx")
	if sheet == "Stream" {
		return writeStreamBench(b, f, p, n, header, row)
	}
	_ = f.SetSheetRow("Shared", "A1", &header)
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		r := row(i)
		plain := []any{r[0], r[1], r[2].(excelize.Cell).Value, r[3], r[4]}
		if err := f.SetSheetRow("Shared", cell, &plain); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	return p
}

func writeStreamBench(b *testing.B, f *excelize.File, p string, n int, header []any, row func(int) []any) string {
	sw, err := f.NewStreamWriter("Stream")
	if err != nil {
		b.Fatal(err)
	}
	if err := sw.SetRow("A1", header); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row(i)); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	return p
}

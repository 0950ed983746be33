package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

// writeWorkbookOf writes run's workbook for opt to a temporary file.
func writeWorkbookOf(t *testing.T, run *results.Run, opt testOpt) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "rapport.xlsx")
	if err := os.WriteFile(file, render(t, XLSXReporter{}, run, opt), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestXLSXOpenpyxl opens the workbook of each audience with openpyxl, a
// reader that is stricter about the file format than excelize itself.
func TestXLSXOpenpyxl(t *testing.T) {
	for _, aud := range audiences {
		t.Run(aud.name, func(t *testing.T) {
			openWithOpenpyxl(t, writeWorkbookOf(t, aud.fixture(t), testOpt{Audience: aud.name}))
		})
	}
}

// openWithOpenpyxl loads file with openpyxl and reads every sheet's cells.
func openWithOpenpyxl(t *testing.T, file string) {
	t.Helper()
	xlsxtest.Openpyxl(t, file, "[list(ws.values) for ws in wb]")
}

// TestXLSXWellFormed reads every XML part of each audience's workbook with
// a strict XML parser. LibreOffice and openpyxl both recover from some
// broken XML without a word, so their opening a workbook does not prove
// that Excel would not offer to repair it.
func TestXLSXWellFormed(t *testing.T) {
	for _, aud := range audiences {
		parts := xlsxtest.Parts(t, render(t, XLSXReporter{}, aud.fixture(t), testOpt{Audience: aud.name}))
		for _, name := range slices.Sorted(maps.Keys(parts)) {
			if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
				continue
			}
			dec := xml.NewDecoder(strings.NewReader(parts[name]))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s: %s is not well-formed XML: %v", aud.name, name, err)
					break
				}
			}
		}
	}
}

// TestXLSXLibreOffice opens each audience's workbook in LibreOffice, as a
// second, independent reader, and has it save the workbook again: every
// sheet, every cell and the chart must come through. LibreOffice repairs
// what it can without saying so in headless mode; a sheet, cell or chart
// it had to drop shows up here as missing. The first sheet as CSV must
// hold the organisation and the report's title.
func TestXLSXLibreOffice(t *testing.T) {
	for _, aud := range audiences {
		t.Run(aud.name, func(t *testing.T) {
			file := writeWorkbookOf(t, aud.fixture(t), testOpt{Audience: aud.name})
			csv := xlsxtest.LibreOfficeCSV(t, file)
			for _, want := range []string{"Kinderopvang De Zonnebloem & Co", labelsNL.ReportTitle[aud.name], "Bewaartermijnen"} {
				if !strings.Contains(csv, want) {
					t.Errorf("the CSV of the summary lacks %q:\n%s", want, csv)
				}
			}
			saved := xlsxtest.LibreOfficeConvert(t, file, "xlsx:Calc MS Excel 2007 XML", "xlsx")
			sameWorkbook(t, file, saved)
		})
	}
}

// sameWorkbook compares the workbook LibreOffice saved with the one it
// read: the same sheets, the same cells (numbers within rounding) and as
// many charts with as many series.
func sameWorkbook(t *testing.T, orig, saved string) {
	t.Helper()
	a, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := excelize.OpenFile(saved)
	if err != nil {
		t.Fatalf("reopen the workbook LibreOffice saved: %v", err)
	}
	defer b.Close()
	if diff := cmp.Diff(a.GetSheetList(), b.GetSheetList()); diff != "" {
		t.Fatalf("LibreOffice changed the sheets (-written +saved):\n%s", diff)
	}
	for _, sh := range a.GetSheetList() {
		ra, err := a.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(ra) != len(rb) {
			t.Errorf("%s: %d rows written, %d after LibreOffice", sh, len(ra), len(rb))
			continue
		}
		for i := range ra {
			for j := range max(len(ra[i]), len(rb[i])) {
				va, vb := cellAt(ra[i], j), cellAt(rb[i], j)
				if va != vb && !sameNumber(va, vb) {
					t.Errorf("%s!%s: %q written, %q after LibreOffice", sh, xlsxkit.Cell(j+1, i+1), va, vb)
				}
			}
		}
	}
	if got, want := chartShape(t, saved), chartShape(t, orig); got != want {
		t.Errorf("charts after LibreOffice: %s, want %s", got, want)
	}
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// sameNumber reports whether a and b are the same number up to the digits
// LibreOffice keeps (15 significant ones).
func sameNumber(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(x-y) <= 1e-12*max(1, math.Abs(x))
}

// chartShape counts a workbook's charts and their series: "1 chart(s), 2
// series".
func chartShape(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	charts, series := 0, 0
	ser := regexp.MustCompile(`<(c:)?ser>`)
	for name, part := range xlsxtest.Parts(t, data) {
		if strings.HasPrefix(name, "xl/charts/chart") && strings.HasSuffix(name, ".xml") {
			charts++
			series += len(ser.FindAllString(part, -1))
		}
	}
	return fmt.Sprintf("%d chart(s), %d series", charts, series)
}

// writeMgmtWorkbookOf writes the management workbook of run for opt to a
// temporary file.
func writeMgmtWorkbookOf(t *testing.T, run *results.Run, opt Options) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "rapport-bestuur.xlsx")
	if err := os.WriteFile(file, renderMgmt(t, ManagementXLSXReporter{}, run, opt), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

package reports

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// TestXLSXGolden reopens the workbook and compares each sheet's cells with
// testdata/golden/xlsx/<lang>/<sheet>.tsv, and the order of the sheets with
// sheets.txt there. The workbook's bytes are not compared: excelize does not
// write them in a fixed order.
func TestXLSXGolden(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			data := render(t, XLSXReporter{}, fixture(t), Options{Lang: lang})
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("reopen workbook: %v", err)
			}
			defer f.Close()
			dir := filepath.Join("testdata", "golden", "xlsx", lang)
			if *update {
				os.RemoveAll(dir)
			}
			sheets := f.GetSheetList()
			golden(t, filepath.Join(dir, "sheets.txt"), []byte(strings.Join(sheets, "\n")+"\n"))
			for _, sh := range sheets {
				rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatalf("sheet %q: %v", sh, err)
				}
				golden(t, filepath.Join(dir, sh+".tsv"), tsv(rows))
			}
		})
	}
}

// tsv writes rows as tab-separated lines, with tabs, newlines and
// backslashes in cells escaped so that each row stays one line.
func tsv(rows [][]string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(esc.Replace(c))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func TestXLSXLayout(t *testing.T) {
	data := render(t, XLSXReporter{}, fixture(t), Options{})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if got := f.GetSheetList()[0]; got != "Samenvatting" {
		t.Errorf("first sheet = %q, want Samenvatting", got)
	}

	// Counts and row numbers are numbers, record keys stay text.
	for _, c := range []struct {
		sheet, cell string
		number      bool
	}{
		{"retention-child-data", "B2", true}, // Rij
		{"retention-child-data", "D2", false},
		{"Bestanden", "F2", true}, // Rijen gelezen
		{"Afgewezen rijen", "C2", true},
		{"Samenvatting", "B8", true}, // Controles
	} {
		typ, err := f.GetCellType(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
		if isNumber != c.number {
			t.Errorf("%s!%s has type %v, want number: %v", c.sheet, c.cell, typ, c.number)
		}
	}

	// The record sheets have a frozen header row and an autofilter.
	for _, sh := range []string{"retention-child-data", "bsn-in-portal", "Bestanden", "Afgewezen rijen", "Beleid"} {
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, want the first row frozen", sh, panes)
		}
		style, err := f.GetCellStyle(sh, "A1")
		if err != nil || style == 0 {
			t.Errorf("%s: header has no style (%v)", sh, err)
		}
		w, err := f.GetColWidth(sh, "A")
		if err != nil || w < minColWidth || w > maxColWidth {
			t.Errorf("%s: column A is %v wide (%v)", sh, w, err)
		}
	}
	names := f.GetDefinedName()
	filters := 0
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	if filters < 5 {
		t.Errorf("%d sheets have an autofilter, want at least 5", filters)
	}

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-09-01T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document dates %q, %q, want the as-of date", props.Created, props.Modified)
	}

	link, target, err := f.GetCellHyperLink("Samenvatting", "J24")
	if err != nil || !link || target != "'retention-child-data'!A1" {
		t.Errorf("summary J24 links to %q (%v, %v), want the check's sheet", target, link, err)
	}
}

// TestXLSXNoBSN looks for the fixture's BSN in every part of the workbook,
// not only in the cells excelize reads back.
func TestXLSXNoBSN(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		data := render(t, XLSXReporter{}, fixture(t), Options{Lang: lang})
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range z.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			part, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(part, []byte(fixtureBSN)) {
				t.Errorf("%s: %s contains the BSN %s", lang, zf.Name, fixtureBSN)
			}
		}
	}
}

func TestXLSXEmptyRun(t *testing.T) {
	run := fixture(t)
	run.Checks, run.Inputs, run.Rejects, run.Policy = nil, nil, nil, nil
	data := render(t, XLSXReporter{}, run, Options{Lang: "en"})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Summary", "Files", "Rejected rows", "Policy"}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

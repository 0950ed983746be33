package spotcheck

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

var update = flag.Bool("update", false, "rewrite the golden checklists in testdata/")

// fixtureMethod is the method of the samples drawn from testdata/run.json.
func fixtureMethod(t *testing.T) Method {
	run := readRun(t)
	return Method{
		Organisation: run.Organisation, AsOf: run.AsOf, Inputs: run.Inputs, Version: "0.1.0",
		Command: "avgaudit sample ./exports --seed 11 --size 2 --check photo_without_consent --as-of 2026-09-01 --lang nl",
	}
}

// writeChecklist writes s and returns the workbook's bytes.
func writeChecklist(t *testing.T, s *Sample, m Method, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteChecklist(&buf, s, m, lang); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openBook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetsTSV renders every sheet of a workbook as tab-separated rows.
func sheetsTSV(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("== " + sh + "\n")
		for _, r := range rows {
			b.WriteString(strings.ReplaceAll(strings.Join(r, "\t"), "\n", "\\n") + "\n")
		}
	}
	return b.String()
}

// TestChecklistGolden compares the checklist of a sample of one check, in
// both languages, with the golden TSV of its cells.
func TestSampleChecklistGolden(t *testing.T) {
	s, err := FromFindings(readRun(t), "photo_without_consent", 2, 11)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			data := writeChecklist(t, s, fixtureMethod(t), lang)
			got := sheetsTSV(t, openBook(t, data))
			golden := filepath.Join("testdata", "checklist-"+lang+".tsv")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("checklist differs from %s (-want +got; go test -update rewrites it):\n%s", golden, diff)
			}
			// The same sample gives the same content.
			if again := sheetsTSV(t, openBook(t, writeChecklist(t, s, fixtureMethod(t), lang))); again != got {
				t.Error("writing the same sample twice gave different cells")
			}
		})
	}
}

// TestChecklistForm checks what makes the sheet a form to fill in:
// drop-downs and a date check on the FG's columns, a frozen header that
// prints on every page, A4 landscape.
func TestSampleChecklistForm(t *testing.T) {
	s, err := FromFindings(readRun(t), "photo_without_consent", 3, 5)
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, writeChecklist(t, s, fixtureMethod(t), "nl"))
	const sh = "Steekproef"
	header, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Nr", "Systeem", "Tabel", "Record", "Bronbestand", "Rij", "Bevinding", "Geplaatst op", "Groep",
		"Toestemmingsformulier aanwezig?", "Komt overeen met het systeem?", "Opmerking", "Gecontroleerd door", "Datum controle"}
	if diff := cmp.Diff(wantHeader, header[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	for r := 2; r <= 4; r++ {
		for c := 10; c <= 14; c++ {
			if v, _ := f.GetCellValue(sh, xlsxkit.Cell(c, r)); v != "" {
				t.Errorf("the FG's cell %s holds %q; it must be empty", xlsxkit.Cell(c, r), v)
			}
		}
	}
	dvs, err := f.GetDataValidations(sh)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, dv := range dvs {
		got[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	wantDV := map[string]string{
		"J2:J4": `list "ja,nee,n.v.t."`,
		"K2:K4": `list "ja,nee,n.v.t."`,
		"N2:N4": "date 36526",
	}
	if diff := cmp.Diff(wantDV, got); diff != "" {
		t.Errorf("data validations (-want +got):\n%s", diff)
	}
	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v, %v", panes, err)
	}
	layout, err := f.GetPageLayout(sh)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v, %v: want A4 (9) landscape", layout, err)
	}
	titles := false
	for _, dn := range f.GetDefinedName() {
		titles = titles || (dn.Name == "_xlnm.Print_Titles" && dn.Scope == sh && strings.HasSuffix(dn.RefersTo, "!$1:$1"))
	}
	if !titles {
		t.Errorf("the header row does not repeat on every printed page: %+v", f.GetDefinedName())
	}
}

// TestChecklistWithoutConsent: a check that is not about consent asks no
// consent form.
func TestSampleChecklistWithoutConsent(t *testing.T) {
	s, err := FromFindings(readRun(t), "retention_admin", 3, 5)
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, writeChecklist(t, s, fixtureMethod(t), "en"))
	rows, err := f.GetRows("Sample")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"No.", "System", "Table", "Record key", "Source file", "Row", "Finding", "End of care",
		"Matches the system?", "Remark", "Checked by", "Date checked"}
	if diff := cmp.Diff(want, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
}

// TestChecklistMasksBSN writes a sample whose key, file and value hold a
// BSN that slipped past the loader: no part of the workbook holds it in full.
func TestSampleChecklistMasksBSN(t *testing.T) {
	const bsn = "123456782"
	s := &Sample{Kind: KindTable, Name: "onedrive_files", Seed: 1, Size: 1, Population: 1,
		Columns: []results.Text{{NL: "Pad", EN: "Path"}},
		Records: []Record{{System: "register", Table: "onedrive_files", Key: "dossiers/" + bsn + ".pdf",
			File: "registers/" + bsn + ".xlsx [OneDrive]", Row: 2, Values: []results.Text{same("dossiers/" + bsn + ".pdf")}}},
	}
	data := writeChecklist(t, s, fixtureMethod(t), "nl")
	masked := false
	for name, part := range xlsxtest.Parts(t, data) {
		if strings.Contains(part, bsn) {
			t.Errorf("%s holds the BSN in full", name)
		}
		masked = masked || strings.Contains(part, "*****6782")
	}
	if !masked {
		t.Error("the workbook does not hold the masked BSN")
	}
}

func TestSampleChecklistUnknownLanguage(t *testing.T) {
	if err := WriteChecklist(&bytes.Buffer{}, &Sample{}, Method{}, "de"); err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("language de: %v", err)
	}
}

// tableChecklist writes the checklist of all rows of admin_children in
// testdata/org to a file.
func tableChecklist(t *testing.T) string {
	t.Helper()
	s, run := tableSample(t, "admin_children", 25, 8)
	m := Method{Organisation: run.Organisation, AsOf: run.AsOf, Inputs: run.Inputs, Version: "0.1.0", Command: "avgaudit sample"}
	file := filepath.Join(t.TempDir(), "steekproef.xlsx")
	if err := os.WriteFile(file, writeChecklist(t, s, m, "nl"), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestChecklistOpenpyxl opens the checklist with openpyxl, a reader that
// is stricter about the file format than excelize.
func TestSampleChecklistOpenpyxl(t *testing.T) {
	got := xlsxtest.Openpyxl(t, tableChecklist(t), `ws = wb["Steekproef"]
print(len(ws.data_validations.dataValidation), ws.freeze_panes, ws.print_title_rows)`)
	if got != "2 A2 $1:$1" {
		t.Errorf("openpyxl sees %q, want 2 validations, panes frozen at A2 and row 1 repeated", got)
	}
}

// TestChecklistLibreOffice converts the checklist to CSV with LibreOffice,
// a second, independent reader.
func TestSampleChecklistLibreOffice(t *testing.T) {
	csv := xlsxtest.LibreOfficeCSV(t, tableChecklist(t))
	for _, want := range []string{"Komt overeen met het systeem?", "kinderen.csv", "*****2193"} {
		if !strings.Contains(csv, want) {
			t.Errorf("the CSV LibreOffice made lacks %q:\n%s", want, csv)
		}
	}
}

// TestSampleChecklistQuotePrefix: a value from the exports that starts like
// a formula gets Excel's quote prefix in the checklist (issue 12).
func TestSampleChecklistQuotePrefix(t *testing.T) {
	s := &Sample{Kind: KindTable, Name: "onedrive_files", Seed: 1, Size: 1, Population: 1,
		Columns: []results.Text{{NL: "Pad", EN: "Path"}},
		Records: []Record{{System: "register", Table: "onedrive_files", Key: "=1+1",
			File: "@bestand.xlsx", Row: 2, Values: []results.Text{same(`=HYPERLINK("http://x")`)}}},
	}
	f := openBook(t, writeChecklist(t, s, fixtureMethod(t), "nl"))
	n := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if !xlsxkit.FormulaLike(v) {
					continue
				}
				n++
				id, err := f.GetCellStyle(sh, xlsxkit.Cell(c+1, r+1))
				if err != nil {
					t.Fatal(err)
				}
				if xf := f.Styles.CellXfs.Xf[id]; xf.QuotePrefix == nil || !*xf.QuotePrefix {
					t.Errorf("%s!%s %q has no quote prefix", sh, xlsxkit.Cell(c+1, r+1), v)
				}
			}
		}
	}
	if n < 3 {
		t.Errorf("%d formula-like cells, want at least 3", n)
	}
}

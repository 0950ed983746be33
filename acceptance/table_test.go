package acceptance_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/acceptance"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

// load loads the source directory dir (with its manifest) into a new
// in-memory DuckDB and reads the register from it.
func load(t *testing.T, fsys fs.FS) ([]acceptance.Entry, error) {
	t.Helper()
	ctx := context.Background()
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	res, err := ingest.Load(ctx, db, fsys, ".", m)
	if err != nil {
		t.Fatal(err)
	}
	return acceptance.ReadTable(ctx, db, known, res.Inputs, res.Rejects)
}

// TestReadTableSheet reads the register from a sheet of a registers
// workbook, with Dutch headers and day-month-year dates.
func TestReadTableSheet(t *testing.T) {
	dir := t.TempDir()
	const sheet = "Geaccepteerde risico's"
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Controle", "Record", "Onderbouwing", "Grondslag", "Goedgekeurd door", "Goedgekeurd op", "Geldig tot"},
		{"photo_without_consent", "F0012/*", "Groepsfoto's zomerfeest", "AVG art. 6 lid 1 sub a", "FG", "15-03-2026", "15-03-2027"},
		{"retention_admin", "", "Lopende procedure", "", "Directeur", "2026-01-15", "2026-12-31"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "registers.xlsx")); err != nil {
		t.Fatal(err)
	}
	const m = `version: 1
organisation: Test
systems:
  register:
    product: Excel
    files:
      - file: registers.xlsx
        sheet: Geaccepteerde risico's
        table: accepted_risks
        columns: {Controle: check_id, Record: record_key, Onderbouwing: justification, Grondslag: legal_basis,
                  Goedgekeurd door: approved_by, Goedgekeurd op: approved_on, Geldig tot: expires_on}
`
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(m), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := load(t, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	want := []acceptance.Entry{
		{Source: "registers.xlsx [Geaccepteerde risico's] row 2", CheckID: "photo_without_consent", RecordKey: "F0012/*",
			Justification: "Groepsfoto's zomerfeest", LegalBasis: "AVG art. 6 lid 1 sub a", ApprovedBy: "FG",
			ApprovedOn: date("2026-03-15"), ExpiresOn: date("2027-03-15")},
		{Source: "registers.xlsx [Geaccepteerde risico's] row 3", CheckID: "retention_admin",
			Justification: "Lopende procedure", ApprovedBy: "Directeur", ApprovedOn: date("2026-01-15"), ExpiresOn: date("2026-12-31")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

// TestReadTableErrors checks that every problem of a register sheet names
// its row: rows the loader rejected (a date that does not exist, a blank
// required value), an unknown check and swapped dates.
func TestReadTableErrors(t *testing.T) {
	_, err := load(t, os.DirFS(filepath.Join("testdata", "sheet-errors")))
	var regErr *acceptance.Error
	if !errors.As(err, &regErr) {
		t.Fatalf("got %v, want an *acceptance.Error", err)
	}
	const file = "registers/geaccepteerde-risicos.csv"
	want := []string{
		file + ` row 3, column "Geldig tot": "31-02-2027" is not an existing calendar date (February 2027 has 28 days) (the entry was not read: correct this row)`,
		file + ` row 4: check "photo_without_consnet" does not exist (did you mean "photo_without_consent"?); ` + "`avgaudit checks` lists the check ids",
		file + ` row 5: it expires on 2026-08-01, before it was approved on 2026-09-01; are the two dates swapped?`,
		file + ` row 6, column "Onderbouwing": justification is blank; every row needs it (the entry was not read: correct this row)`,
	}
	var got []string
	for _, p := range regErr.Problems {
		got = append(got, p.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestReadTableEmpty checks that a run without a register sheet reads no
// entries and no error.
func TestReadTableEmpty(t *testing.T) {
	got, err := load(t, os.DirFS(filepath.Join("testdata", "no-register")))
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v", got, err)
	}
}

package ingest_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/results"
)

func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func loadDir(t *testing.T, db *sql.DB, dir string) (*ingest.Result, error) {
	t.Helper()
	fsys := os.DirFS(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	return ingest.Load(context.Background(), db, fsys, ".", m)
}

// writeChildrenManifest writes a manifest into dir that loads f.csv as
// admin_children.
func writeChildrenManifest(t *testing.T, dir string) {
	t.Helper()
	writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  admin:\n    product: P\n    files:\n      - {file: f.csv, table: admin_children}\n")
}

// loadChildrenCSV loads content as an admin_children export into a new
// database.
func loadChildrenCSV(t *testing.T, content string) (*sql.DB, *ingest.Result) {
	t.Helper()
	return loadCSV(t, "admin_children", content)
}

// loadCSV loads content as an export of table into a new database.
func loadCSV(t *testing.T, table, content string) (*sql.DB, *ingest.Result) {
	t.Helper()
	dir := t.TempDir()
	system := strings.SplitN(table, "_", 2)[0]
	writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  "+system+":\n    product: P\n    files:\n      - {file: f.csv, table: "+table+"}\n")
	writeFile(t, dir, "f.csv", content)
	db := openDB(t)
	res, err := loadDir(t, db, dir)
	if err != nil {
		t.Fatal(err)
	}
	return db, res
}

func query(t *testing.T, db *sql.DB, q string) [][]string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
			if !v.Valid {
				row[i] = "NULL"
			}
		}
		out = append(out, row)
	}
	return out
}

// TestLoadCSV loads a Kidsadmin-like export (semicolons, BOM, CRLF, Dutch
// headers, a quoted delimiter, an embedded newline, a blank line) and checks
// every row is either loaded with its line number or rejected with a reason.
func TestLoadCSV(t *testing.T) {
	db := openDB(t)
	res, err := loadDir(t, db, "testdata")
	if err != nil {
		t.Fatal(err)
	}
	in := res.Inputs[0]
	if in.RowsRead != 7 || in.RowsLoaded != 3 || in.RowsRejected != 4 {
		t.Errorf("rows read/loaded/rejected = %d/%d/%d, want 7/3/4", in.RowsRead, in.RowsLoaded, in.RowsRejected)
	}
	if diff := cmp.Diff([]string{"Huisarts"}, in.SkippedColumns); diff != "" {
		t.Errorf("skipped columns (-want +got):\n%s", diff)
	}
	if len(in.SHA256) != 64 {
		t.Errorf("sha256 = %q", in.SHA256)
	}
	got := query(t, db, `SELECT child_id, last_name, birth_date::VARCHAR, gender, bsn, care_end::VARCHAR, _file, _row FROM admin_children ORDER BY _row`)
	want := [][]string{
		{"K001", "de Vries", "2021-12-31", "v", "111222333", "NULL", "kidsadmin/kinderen.csv", "2"},
		{"K002", "Bakker; jr", "2020-02-01", "m", "023456782", "2024-07-31", "kidsadmin/kinderen.csv", "3"},
		{"K007", "Meer\nregels", "2020-01-01", "m", "NULL", "2025-08-01", "kidsadmin/kinderen.csv", "9"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded rows (-want +got):\n%s", diff)
	}
	wantRejects := []results.Reject{
		{File: "kidsadmin/kinderen.csv", Row: 4, Column: "Geboortedatum", Value: "2020-13-01", Reason: results.Text{NL: "\"2020-13-01\" heeft geen maand van 1 tot en met 12", EN: "\"2020-13-01\" is not"}},
		{File: "kidsadmin/kinderen.csv", Row: 5, Column: "BSN", Value: "*****2345", Reason: results.Text{NL: "\"*****2345\" is geen BSN", EN: "is not a BSN of 9 digits"}},
		{File: "kidsadmin/kinderen.csv", Row: 6, Column: "Kindnummer", Value: "K001", Reason: results.Text{NL: "dubbele child_id: rij 2 heeft dezelfde waarde", EN: "duplicate child_id: row 2 has the same key"}},
		{File: "kidsadmin/kinderen.csv", Row: 7, Column: "Kindnummer", Value: "", Reason: results.Text{NL: "child_id is leeg", EN: "child_id is blank"}},
	}
	if len(res.Rejects) != len(wantRejects) {
		t.Fatalf("rejects = %+v, want %d", res.Rejects, len(wantRejects))
	}
	for i, w := range wantRejects {
		g := res.Rejects[i]
		if g.File != w.File || g.Row != w.Row || g.Column != w.Column || g.Value != w.Value || !strings.Contains(g.Reason.EN, w.Reason.EN) || !strings.Contains(g.Reason.NL, w.Reason.NL) {
			t.Errorf("reject %d = %+v, want %+v (reason containing %q)", i, g, w, w.Reason)
		}
	}
	if n := query(t, db, `SELECT count(*) FROM _rejects`)[0][0]; n != "4" {
		t.Errorf("_rejects has %s rows, want 4", n)
	}
	checkRejectsTable(t, db, res.Rejects)
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadErrors checks that problems which make a file unusable stop the
// load with a message naming the file, the row or column and the fix, and
// that nothing of the load remains.
func TestLoadErrors(t *testing.T) {
	const head = "version: 1\norganisation: x\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n"
	tests := []struct {
		name, manifest, file, content string
		want                          []string
	}{
		{
			name:     "missing required column",
			manifest: head + "      - {file: k.csv, table: admin_children}\n",
			file:     "k.csv", content: "child_id;first_name\nK1;Anna\n",
			want: []string{"k.csv", "required column(s) care_end of admin_children not found", `"child_id", "first_name"`},
		},
		{
			name:     "mapped header absent",
			manifest: head + "      - {file: k.csv, table: admin_children, columns: {Kindnr: child_id, Einde: care_end}}\n",
			file:     "k.csv", content: "Kindnummer;Einde\nK1;\n",
			want: []string{"k.csv", `maps "Kindnr" (for child_id), but the header row has no such column`},
		},
		{
			name:     "file not found",
			manifest: head + "      - {file: nope.csv, table: admin_children}\n",
			file:     "k.csv", content: "x\n",
			want: []string{"nope.csv", "file not found", "manifest line 7"},
		},
		{
			name:     "empty file",
			manifest: head + "      - {file: k.csv, table: admin_children}\n",
			file:     "k.csv", content: "",
			want: []string{"k.csv", "the file is empty"},
		},
		{
			name:     "two columns fill one",
			manifest: head + "      - {file: k.csv, table: admin_children, columns: {Nr: child_id}}\n",
			file:     "k.csv", content: "Nr;child_id;care_end\n1;2;\n",
			want: []string{"k.csv", `both fill child_id`},
		},
		{
			name:     "missing sheet",
			manifest: head + "      - {file: k.xlsx, sheet: Kinderen, table: admin_children}\n",
			file:     "", content: "",
			want: []string{"k.xlsx [Kinderen]", `no sheet "Kinderen"`, `"Sheet1"`},
		},
		{
			name:     "not a workbook",
			manifest: head + "      - {file: k.xlsx, sheet: Kinderen, table: admin_children}\n",
			file:     "k.xlsx", content: "child_id;care_end\n",
			want: []string{"k.xlsx [Kinderen]", "not a readable .xlsx workbook"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "manifest.yaml", tt.manifest)
			if tt.file != "" {
				writeFile(t, dir, tt.file, tt.content)
			} else {
				f := excelize.NewFile()
				if err := f.SaveAs(filepath.Join(dir, "k.xlsx")); err != nil {
					t.Fatal(err)
				}
			}
			db := openDB(t)
			_, err := loadDir(t, db, dir)
			if err == nil {
				t.Fatal("load succeeded, want an error")
			}
			var ie *ingest.InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %v is not an InputError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			// The load is one transaction: nothing of it remains.
			rows, err := db.Query(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'admin_children'`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var n int
			for rows.Next() {
				_ = rows.Scan(&n)
			}
			if n != 0 {
				t.Errorf("a failed load left %d canonical table(s) behind", n)
			}
		})
	}
}

// TestLoadWorkbook loads sheets of one workbook: real date cells (stored as
// serial numbers), text dates, numbers stored as numbers, yes/no labels
// and value mappings onto an enumeration.
func TestLoadWorkbook(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := f.NewSheet("Toestemmingen")
	must(err)
	rows := [][]any{
		{"Kind-ID", "Toestemming", "Akkoord", "Vastgelegd op", "Ingetrokken op", "Opmerking"},
		{"PK1", "Foto's in ouderportaal", "Ja", time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC), nil, "vrije tekst"},
		{"PK2", "Vervoer", "nee", "01-02-2025 14:05", "", ""},
		{"PK3", "Onbekend type", "ja", "01-02-2025", "", ""},
		{},
		{"PK4", "Foto's in ouderportaal", "misschien", 45716, "", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow("Toestemmingen", cell, &r))
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	must(err)
	must(f.SetCellStyle("Toestemmingen", "D2", "D6", style))
	must(f.SaveAs(filepath.Join(dir, "konnect.xlsx")))
	writeFile(t, dir, "manifest.yaml", `version: 1
organisation: x
systems:
  portal:
    product: Konnect
    files:
      - file: konnect.xlsx
        sheet: Toestemmingen
        table: portal_consents
        columns: {Kind-ID: portal_child_id, Toestemming: consent_type, Akkoord: granted, Vastgelegd op: recorded_at, Ingetrokken op: withdrawn_at}
        values:
          consent_type: {"Foto's in ouderportaal": photo_portal, Vervoer: transport}
`)
	db := openDB(t)
	res, err := loadDir(t, db, dir)
	if err != nil {
		t.Fatal(err)
	}
	got := query(t, db, `SELECT portal_child_id, consent_type, granted, recorded_at::VARCHAR, _file, _row FROM portal_consents ORDER BY _row`)
	want := [][]string{
		{"PK1", "photo_portal", "true", "2025-03-01 09:30:00", "konnect.xlsx [Toestemmingen]", "2"},
		{"PK2", "transport", "false", "2025-02-01 14:05:00", "konnect.xlsx [Toestemmingen]", "3"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded rows (-want +got):\n%s", diff)
	}
	if len(res.Rejects) != 2 || res.Rejects[0].Row != 4 || res.Rejects[0].Column != "Toestemming" ||
		!strings.Contains(res.Rejects[0].Reason.EN, "values: consent_type:") || !strings.Contains(res.Rejects[0].Reason.NL, "in het manifest onder values: consent_type:") ||
		res.Rejects[1].Row != 6 || res.Rejects[1].Column != "Akkoord" {
		t.Errorf("rejects = %+v, want row 4 (Toestemming, unmapped label) and row 6 (Akkoord)", res.Rejects)
	}
	checkDutchReasons(t, res.Rejects)
	checkRejectsTable(t, db, res.Rejects)
	if diff := cmp.Diff([]string{"Opmerking"}, res.Inputs[0].SkippedColumns); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

// TestLoadWorkbook1904 reads serial dates of a workbook saved with the 1904
// date system (a Mac Excel setting) and rejects amounts that are not numbers.
func TestLoadWorkbook1904(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	serial := time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC).Sub(time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24
	rows := [][]any{
		{"invoice_id", "invoice_date", "amount"},
		{"I1", serial, 1234.5},
		{"I2", serial, "NaN"},
		{"I3", "31-08-2024", "€ 1.234,56"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "facturen.xlsx")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n      - {file: facturen.xlsx, sheet: Sheet1, table: admin_invoices}\n")
	db := openDB(t)
	res, err := loadDir(t, db, dir)
	if err != nil {
		t.Fatal(err)
	}
	got := query(t, db, `SELECT invoice_id, invoice_date::VARCHAR, amount::VARCHAR FROM admin_invoices ORDER BY _row`)
	want := [][]string{{"I1", "2024-08-31", "1234.50"}, {"I3", "2024-08-31", "1234.56"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded (-want +got):\n%s", diff)
	}
	if len(res.Rejects) != 1 || res.Rejects[0].Row != 3 || res.Rejects[0].Column != "amount" {
		t.Errorf("rejects = %+v, want row 3 (amount NaN)", res.Rejects)
	}
	checkDutchReasons(t, res.Rejects)
	checkRejectsTable(t, db, res.Rejects)
}

// TestLoadWorkbookNoteBesideTable loads a sheet with a note typed in a
// column without a header: the row's reject names that cell and how to fix
// it (a sheet has no delimiters that could have shifted the cells).
func TestLoadWorkbookNoteBesideTable(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := [][]any{
		{"Kindnummer", "Voornaam", "Einddatum opvang"},
		{"K1", "Anna", ""},
		{"K2", "Bram", "", "", "verhuisd, nog navragen"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "kinderen.xlsx")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  admin:\n    product: P\n    files:\n      - {file: kinderen.xlsx, sheet: Sheet1, table: admin_children, columns: {Kindnummer: child_id, Voornaam: first_name, Einddatum opvang: care_end}}\n")
	res, err := loadDir(t, openDB(t), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []results.Reject{{File: "kinderen.xlsx [Sheet1]", Sheet: "Sheet1", Row: 3,
		Reason: results.Text{NL: "kolom E heeft in deze rij een waarde, maar in de kopregel staat geen naam boven deze kolom; maak de cel leeg of geef de kolom een naam (een kolom die het manifest niet koppelt, wordt niet ingelezen)", EN: "column E holds a value in this row, but the header row has no name above it; clear the cell, or give the column a header (a column the manifest does not map is not loaded)"}}}
	if diff := cmp.Diff(want, res.Rejects); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

// TestLoadWorkbookWithoutSheet: a workbook of one sheet loads without
// `sheet:` in the manifest; one of two sheets is refused with the sheets
// to choose from.
func TestLoadWorkbookWithoutSheet(t *testing.T) {
	for _, sheets := range []int{1, 2} {
		dir := t.TempDir()
		f := excelize.NewFile()
		if sheets == 2 {
			if _, err := f.NewSheet("Ouders"); err != nil {
				t.Fatal(err)
			}
		}
		for i, r := range [][]any{{"Kindnummer", "Einddatum opvang"}, {"K1", ""}, {"K2", "31-07-2025"}} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SaveAs(filepath.Join(dir, "kinderen.xlsx")); err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, "manifest.yaml", "version: 1\norganisation: x\nsystems:\n  admin:\n    product: P\n    files:\n      - {file: kinderen.xlsx, table: admin_children, columns: {Kindnummer: child_id, Einddatum opvang: care_end}}\n")
		db := openDB(t)
		_, err := loadDir(t, db, dir)
		if sheets == 2 {
			if err == nil || !strings.Contains(err.Error(), "the workbook has 2 sheets: add `sheet:` to the manifest with the one to load (\"Sheet1\", \"Ouders\")") {
				t.Errorf("two sheets: got %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := query(t, db, "SELECT count(*) FROM admin_children"); got[0][0] != "2" {
			t.Errorf("one sheet: %v rows loaded, want 2", got)
		}
	}
}

// TestLoadKeepsThreads: the load inserts on one DuckDB thread (see
// oneThread) and leaves the database's thread count as it found it.
func TestLoadKeepsThreads(t *testing.T) {
	db := openDB(t)
	if _, err := db.Exec("SET threads = 3"); err != nil {
		t.Fatal(err)
	}
	if _, err := loadDir(t, db, "testdata"); err != nil {
		t.Fatal(err)
	}
	if got := query(t, db, "SELECT current_setting('threads')")[0][0]; got != "3" {
		t.Errorf("threads after the load = %s, want 3", got)
	}
}

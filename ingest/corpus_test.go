package ingest_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

// corpusCase loads files of testdata/corpus with a manifest and compares
// what was loaded, skipped and rejected, or the error.
type corpusCase struct {
	name    string
	system  string   // admin unless set
	files   []string // manifest file entries, YAML flow maps
	query   string
	want    [][]string
	skipped [][]string // per input
	rejects []string   // "row column: reason part"
	err     string     // the exact error, when the load must fail
}

// TestCorpus loads the corpus of real-world export shapes (see
// testdata/README.md) and checks every expected value, reject and error;
// every reject has a Dutch reason that differs from the English one.
func TestCorpus(t *testing.T) {
	children := "SELECT child_id, first_name, coalesce(care_end::VARCHAR, 'NULL') FROM admin_children ORDER BY _file, _row"
	tests := []corpusCase{
		{
			name:  "every field double-quoted, comma, CRLF",
			files: []string{"{file: comma_quoted.csv, table: admin_children}"},
			query: children,
			want:  [][]string{{"K1", "Anna, Maria", "2025-07-31"}, {"K2", `Bram "B" Jansen`, "NULL"}},
		},
		{
			name:    "no quotes at all, trailing empty columns, an apostrophe is not a quote",
			files:   []string{"{file: semicolon_plain.csv, table: admin_children}"},
			query:   children,
			want:    [][]string{{"K1", "Anna", "NULL"}, {"K2", "'s-Hertogenbosch", "2025-07-31"}},
			skipped: [][]string{{}},
		},
		{
			name:  "tab-separated",
			files: []string{"{file: tab.tsv, table: admin_children}"},
			query: children,
			want:  [][]string{{"K1", "Anna", "NULL"}, {"K2", "Bram, Jr", "2025-07-31"}},
		},
		{
			name:  "pipe-separated",
			files: []string{"{file: pipe.csv, table: admin_children}"},
			query: children,
			want:  [][]string{{"K1", "Anna; Maria", "NULL"}, {"K2", "Bram", "2025-08-01"}},
		},
		{
			name:  "UTF-8 BOM, CRLF, line break inside quotes (read as \\n)",
			files: []string{"{file: utf8_bom_crlf.csv, table: admin_children}"},
			query: "SELECT child_id, first_name, _row FROM admin_children ORDER BY _row",
			want:  [][]string{{"K1", "Anna\nMaria", "2"}, {"K2", "Zoë", "4"}},
		},
		{
			name:  "Excel Unicode text: UTF-16LE with BOM, tabs",
			files: []string{"{file: excel_unicode.txt, table: admin_children}"},
			query: children,
			want:  [][]string{{"K1", "Zoë", "2025-12-31"}, {"K2", "Çelik", "NULL"}},
		},
		{
			name:  "Excel CSV in Windows-1252",
			files: []string{"{file: excel_cp1252.csv, table: admin_children}"},
			query: "SELECT child_id, first_name, last_name FROM admin_children ORDER BY _row",
			want:  [][]string{{"K1", "Zoë", "Çelik"}, {"K2", "Renée", "Müller-Lüdenscheidt"}},
		},
		{
			name:    "amounts in Windows-1252, with € signs",
			files:   []string{"{file: invoices_cp1252.csv, table: admin_invoices}"},
			query:   "SELECT invoice_id, amount::VARCHAR FROM admin_invoices ORDER BY _row",
			want:    [][]string{{"F1", "1234.56"}, {"F2", "-12.50"}, {"F3", "1234.00"}, {"F4", "1234.56"}, {"F5", "12.50"}},
			rejects: []string{`7 amount: "1.2345" is not an amount with at most 2 decimals`},
		},
		{
			name:    "duplicate header not loaded is skipped and listed with both positions",
			files:   []string{"{file: duplicate_headers.csv, table: admin_children}"},
			query:   children,
			want:    [][]string{{"K1", "Anna", "NULL"}},
			skipped: [][]string{{"Opmerking", "opmerking (column 5, same name as column 3)"}},
		},
		{
			name:  "two headers filling one column",
			files: []string{"{file: duplicate_fill.csv, table: admin_children, columns: {Voornaam: first_name}}"},
			err:   `duplicate_fill.csv, row 1: columns 2 ("Voornaam") and 3 ("first_name") both fill first_name; keep one, or map one of them to another column in the manifest`,
		},
		{
			name:    "BSNs with dots, spaces, a lost leading zero",
			files:   []string{"{file: bsn_forms.csv, table: admin_children}"},
			query:   "SELECT child_id, bsn FROM admin_children ORDER BY _row",
			want:    [][]string{{"K1", "123456782"}, {"K2", "023456782"}, {"K3", "111222333"}},
			rejects: []string{`5 bsn: "*****4567" is not a BSN of 9 digits`},
		},
		{
			name:   "e-mail case, booleans, Dutch and ISO date-times",
			system: "portal",
			files:  []string{"{file: guardians_values.csv, table: portal_guardians}"},
			query:  "SELECT portal_child_id, email, has_access::VARCHAR, coalesce(last_login::VARCHAR, 'NULL') FROM portal_guardians ORDER BY _row",
			want: [][]string{
				{"P1", "anna.de.vries@example.nl", "true", "2025-12-31 14:05:00"},
				{"P2", "bram@voorbeeld.nl", "false", "2025-12-31 14:05:00"},
				{"P3", "c@x.nl", "true", "2025-12-31 00:00:00"},
				{"P4", "d@x.nl", "false", "2025-02-01 09:05:00"},
				{"P5", "e@x.nl", "true", "2025-12-31 14:05:07"},
				{"P6", "f@x.nl", "false", "NULL"},
				{"P7", "g@x.nl", "true", "NULL"},
				{"P8", "h@x.nl", "true", "NULL"},
				{"P9", "i@x.nl", "false", "NULL"},
				{"P10", "j@x.nl", "true", "NULL"},
				{"P11", "k@x.nl", "false", "NULL"},
			},
			rejects: []string{
				`13 has_access: "misschien" is not ja or nee`,
				`14 last_login: "31-12-25" is not a date with a four-digit year`,
			},
		},
		{
			name: "several sheets; dates as serial numbers and as text; amounts as numbers and as text",
			files: []string{
				"{file: several_sheets.xlsx, sheet: Kinderen, table: admin_children}",
				"{file: several_sheets.xlsx, sheet: Facturen, table: admin_invoices}",
			},
			query: "SELECT child_id, first_name, birth_date::VARCHAR, care_end::VARCHAR FROM admin_children ORDER BY _row",
			want: [][]string{
				{"K1", "Anna", "2021-01-01", "2025-07-31"},
				{"K2", "Bram", "2020-03-15", "2025-07-31"},
				{"K3", "Cas", "2019-12-31", "2025-08-01"},
			},
		},
		{
			name:  "amounts from a workbook: numbers, text, euro text, float noise",
			files: []string{"{file: several_sheets.xlsx, sheet: Facturen, table: admin_invoices}"},
			query: "SELECT invoice_id, invoice_date::VARCHAR, amount::VARCHAR FROM admin_invoices ORDER BY _row",
			want: [][]string{
				{"F1", "2025-12-31", "1234.56"},
				{"F2", "2025-12-31", "1234.56"},
				{"F3", "2025-12-31", "1234.56"},
				{"F4", "2025-12-31", "0.30"},
			},
		},
		{
			// The merged "Naam" belongs to its top-left cell (B); hidden
			// row 3 and hidden column B are loaded all the same: hidden is
			// not deleted. care_end is column 300.
			name:    "merged header, hidden row and column, 300 columns",
			files:   []string{"{file: layout.xlsx, sheet: Sheet1, table: admin_children, columns: {Naam: first_name}}"},
			query:   children,
			want:    [][]string{{"K1", "Anna", "NULL"}, {"K2", "Bram", "2025-07-31"}, {"K3", "Cas", "NULL"}},
			skipped: [][]string{nil}, // 296 "Extra n" columns, checked by count below
		},
		{
			name:  "LibreOffice-saved workbook: formulas give their cached values",
			files: []string{"{file: libreoffice.xlsx, sheet: Facturen, table: admin_invoices}"},
			query: "SELECT invoice_id, invoice_date::VARCHAR, amount::VARCHAR FROM admin_invoices ORDER BY _row",
			want:  [][]string{{"F1", "2025-12-31", "85.00"}, {"F2", "2025-12-01", "27.75"}},
		},
		{
			name:  "password-protected workbook without --password-file",
			files: []string{"{file: protected.xlsx, sheet: Sheet1, table: admin_children}"},
			err:   "protected.xlsx [Sheet1]: the workbook is protected with a password; put the password in a text file and run again with --password-file FILE",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, db, err := loadCorpus(t, tt, ingest.Options{})
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, query(t, db, tt.query)); diff != "" {
				t.Errorf("loaded (-want +got):\n%s", diff)
			}
			checkCorpusResult(t, tt, res)
			checkDutchReasons(t, res.Rejects)
			checkRejectsTable(t, db, res.Rejects)
		})
	}
}

func checkCorpusResult(t *testing.T, tt corpusCase, res *ingest.Result) {
	t.Helper()
	var rejects []string
	for _, r := range res.Rejects {
		rejects = append(rejects, strings.TrimSpace(strings.Join([]string{strconv.Itoa(r.Row), r.Column + ":", r.Reason.EN}, " ")))
	}
	if len(rejects) != len(tt.rejects) {
		t.Fatalf("rejects = %q, want %q", rejects, tt.rejects)
	}
	for i, w := range tt.rejects {
		if !strings.HasPrefix(rejects[i], w) {
			t.Errorf("reject %d = %q, want it to start with %q", i, rejects[i], w)
		}
	}
	for i, in := range res.Inputs {
		if in.RowsRead != in.RowsLoaded+in.RowsRejected {
			t.Errorf("input %d: rows read %d != loaded %d + rejected %d", i, in.RowsRead, in.RowsLoaded, in.RowsRejected)
		}
		if i < len(tt.skipped) && tt.skipped[i] != nil {
			if diff := cmp.Diff(tt.skipped[i], in.SkippedColumns); diff != "" {
				t.Errorf("skipped columns of input %d (-want +got):\n%s", i, diff)
			}
		}
	}
	if tt.name == "merged header, hidden row and column, 300 columns" && len(res.Inputs[0].SkippedColumns) != 296 {
		t.Errorf("skipped %d columns, want 296", len(res.Inputs[0].SkippedColumns))
	}
}

// loadCorpus loads the case's files from a copy of the corpus in a temporary
// directory (ingest.OSDir: workbooks are opened from their path).
func loadCorpus(t *testing.T, tt corpusCase, opt ingest.Options) (*ingest.Result, *sql.DB, error) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "manifest.yaml", corpusManifest(tt))
	for _, f := range corpusFiles(tt) {
		b, err := os.ReadFile(filepath.Join("testdata", "corpus", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, f, string(b))
	}
	db := openDB(t)
	fsys := ingest.OSDir(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.LoadWith(context.Background(), db, fsys, ".", m, opt)
	return res, db, err
}

func corpusManifest(tt corpusCase) string {
	system := tt.system
	if system == "" {
		system = "admin"
	}
	var b strings.Builder
	b.WriteString("version: 1\norganisation: corpus\nsystems:\n  " + system + ":\n    product: P\n    files:\n")
	for _, f := range tt.files {
		b.WriteString("      - " + f + "\n")
	}
	return b.String()
}

// corpusFiles lists the distinct file names the case's entries name.
func corpusFiles(tt corpusCase) []string {
	var out []string
	for _, f := range tt.files {
		name := strings.TrimSpace(strings.SplitN(strings.SplitN(f, "file:", 2)[1], ",", 2)[0])
		if len(out) == 0 || out[len(out)-1] != name {
			out = append(out, name)
		}
	}
	return out
}

// TestProtectedWorkbook opens the encrypted corpus workbook with the right
// and a wrong password.
func TestProtectedWorkbook(t *testing.T) {
	tt := corpusCase{files: []string{"{file: protected.xlsx, sheet: Sheet1, table: admin_children}"}}
	res, db, err := loadCorpus(t, tt, ingest.Options{Password: "geheim-2026"})
	if err != nil {
		t.Fatal(err)
	}
	if got := query(t, db, "SELECT child_id, first_name FROM admin_children"); !cmp.Equal(got, [][]string{{"K1", "Anna"}}) {
		t.Errorf("loaded %q", got)
	}
	if len(res.Inputs[0].SHA256) != 64 {
		t.Errorf("sha256 = %q", res.Inputs[0].SHA256)
	}
	_, _, err = loadCorpus(t, tt, ingest.Options{Password: "fout"})
	var ie *ingest.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "the password from --password-file does not open this workbook") {
		t.Fatalf("wrong password: error = %v", err)
	}
	if strings.Contains(err.Error(), "fout") {
		t.Errorf("the error shows the password: %v", err)
	}
	// The message is also in Dutch, the default language (issue 12).
	if got, want := ie.Dutch(), "protected.xlsx [Sheet1]: het wachtwoord uit --password-file opent deze werkmap niet; controleer het wachtwoord (het bestand bevat alleen het wachtwoord)"; got != want {
		t.Errorf("Dutch: %q, want %q", got, want)
	}
	_, _, err = loadCorpus(t, tt, ingest.Options{})
	if !errors.As(err, &ie) {
		t.Fatalf("no password: error = %v", err)
	}
	if got, want := ie.Dutch(), "protected.xlsx [Sheet1]: de werkmap is beveiligd met een wachtwoord; zet het wachtwoord in een tekstbestand en start opnieuw met --password-file BESTAND"; got != want {
		t.Errorf("Dutch: %q, want %q", got, want)
	}
}

// TestWorkbookFromOtherFS loads a workbook from a file system that is not a
// directory (it is copied to a temporary file) and checks the hash is the
// file's.
func TestWorkbookFromOtherFS(t *testing.T) {
	b, err := os.ReadFile("testdata/corpus/several_sheets.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tt := corpusCase{files: []string{"{file: x/several_sheets.xlsx, sheet: Kinderen, table: admin_children}"}}
	fsys := fstest.MapFS{
		"manifest.yaml":         {Data: []byte(corpusManifest(tt))},
		"x/several_sheets.xlsx": {Data: b},
	}
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	db := openDB(t)
	res, err := ingest.Load(context.Background(), db, fsys, ".", m)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inputs[0].RowsLoaded != 3 || res.Inputs[0].SHA256 != sha256Hex(b) {
		t.Errorf("input = %+v, want 3 rows and sha256 %s", res.Inputs[0], sha256Hex(b))
	}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// progressLog records what the loader tells a Progress.
type progressLog struct{ calls []string }

func (p *progressLog) Start(label string, total int64) {
	p.calls = append(p.calls, "start "+label+" "+strconv.FormatInt(total, 10))
}
func (p *progressLog) Update(done int64) {
	p.calls = append(p.calls, "update "+strconv.FormatInt(done, 10))
}
func (p *progressLog) Done() { p.calls = append(p.calls, "done") }

// TestLoadProgress checks the loader reports the bytes of a text file and
// the rows of a sheet.
func TestLoadProgress(t *testing.T) {
	var log progressLog
	for _, f := range []string{
		"{file: comma_quoted.csv, table: admin_children}",
		"{file: layout.xlsx, sheet: Sheet1, table: admin_children, columns: {Naam: first_name}}",
	} {
		if _, _, err := loadCorpus(t, corpusCase{files: []string{f}}, ingest.Options{Progress: &log}); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"start comma_quoted.csv 98", "update 98", "done", "start layout.xlsx [Sheet1] 0", "update 0", "done"}
	if diff := cmp.Diff(want, log.calls); diff != "" {
		t.Errorf("progress calls (-want +got):\n%s", diff)
	}
}

package audit_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

const manifestYAML = `version: 1
organisation: Test
systems:
  portal:
    product: Konnect
    files:
      - {file: photos.csv, table: portal_photos}
`

func source() fstest.MapFS {
	return fstest.MapFS{
		"manifest.yaml": {Data: []byte(manifestYAML)},
		"photos.csv":    {Data: []byte("photo_id,portal_child_id,posted_at\nF1,P1,2026-01-01 10:00\n")},
	}
}

func check(t *testing.T, id, requires, sql string) queries.Check {
	t.Helper()
	return labelled(t, id, "-- requires: "+requires+"\n", sql)
}

// labelled parses a check whose header ends with extra (requires and any
// optional keys).
func labelled(t *testing.T, id, extra, sql string) queries.Check {
	t.Helper()
	if !strings.Contains(extra, "-- requires:") {
		extra = "-- requires: portal_photos\n" + extra
	}
	src := "-- id: " + id + "\n-- title.nl: Titel " + id + "\n-- title.en: Title " + id + "\n-- severity: low\n-- area: test\n-- source: test\n" + extra +
		"-- why.nl: Waarom dit ertoe doet\n-- why.en: Why this matters\n-- fix.nl: Zo los je het op\n-- fix.en: How to fix this\n" + sql
	c, err := queries.Parse(id+".sql", src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestStatuses checks that a check without data is "not run" (never
// "passed"), a failing query is reported without stopping the others, and
// BSNs in check output are masked.
func TestStatuses(t *testing.T) {
	checks := []queries.Check{
		check(t, "needs_consents", "portal_consents", "SELECT 1"),
		check(t, "broken", "portal_photos", "SELECT * FROM no_such_table"),
		check(t, "no_columns", "portal_photos", "SELECT 1 AS x"),
		check(t, "finds", "portal_photos", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'melding' AS message_nl, 'message' AS message_en, '111222333' AS bsn_number, 'tekst 123456782 tekst' AS note,
			getvariable('as_of') AS as_of FROM portal_photos`),
		labelled(t, "labels_mismatch", "-- columns.nl: een, twee\n-- columns.en: one, two\n", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en, 1 AS only_one FROM portal_photos`),
		check(t, "passes", "portal_photos | admin_children", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en FROM portal_photos WHERE false`),
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: source(), Dir: ".", Today: time.Date(2026, 9, 1, 15, 4, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]results.Check{}
	for _, c := range run.Checks {
		byID[c.ID] = c
	}
	if c := byID["needs_consents"]; c.Status != results.StatusNotRun || *c.Reason != (results.Text{NL: "geen gegevens voor portal_consents", EN: "no data for portal_consents"}) {
		t.Errorf("needs_consents: %s %q", c.Status, c.Reason)
	}
	if c := byID["broken"]; c.Status != results.StatusError || !strings.Contains(c.Reason.NL, "broken.sql") || !strings.Contains(c.Reason.EN, "no_such_table") {
		t.Errorf("broken: %s %q", c.Status, c.Reason)
	}
	if c := byID["no_columns"]; c.Status != results.StatusError || !strings.Contains(c.Reason.EN, `must return a column "table_name"`) {
		t.Errorf("no_columns: %s %q", c.Status, c.Reason)
	}
	if c := byID["labels_mismatch"]; c.Status != results.StatusError || !strings.Contains(c.Reason.EN, "give 2 headings, but the query returns 1 columns of its own (only_one)") {
		t.Errorf("labels_mismatch: %s %v", c.Status, c.Reason)
	}
	if c := byID["passes"]; c.Status != results.StatusPassed || c.Reason != nil {
		t.Errorf("passes: %s %v", c.Status, c.Reason)
	}
	f := byID["finds"]
	if f.Status != results.StatusFindings || len(f.Findings) != 1 {
		t.Fatalf("finds: %+v", f)
	}
	got := f.Findings[0]
	want := results.Finding{Key: "finds|portal_photos|F1", System: "portal", Table: "portal_photos", RecordKey: "F1", File: "photos.csv", Row: 2,
		Message: results.Text{NL: "melding", EN: "message"}, Values: []string{"*****2333", "tekst *****6782 tekst", "2026-09-01"}}
	if strings.Join(f.Columns, ",") != "bsn_number,note,as_of" {
		t.Errorf("columns = %v", f.Columns)
	}
	if got.Key != want.Key || got.System != want.System || got.File != want.File || got.Row != want.Row || strings.Join(got.Values, "|") != strings.Join(want.Values, "|") {
		t.Errorf("finding = %+v\nwant      %+v", got, want)
	}
	if run.AsOf != "2026-09-01" {
		t.Errorf("as_of = %s, want today's date without time", run.AsOf)
	}
	s := run.Summary
	if s.Checks != 6 || s.ChecksRun != 2 || s.ChecksNotRun != 1 || s.ChecksFailed != 3 || s.Findings != 1 || s.BySeverity["low"] != 1 {
		t.Errorf("summary = %+v", s)
	}
}

// TestKeepDatabase checks --db: the database is written under its final
// name only when the audit completes, and holds the loaded tables.
func TestKeepDatabase(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "audit.duckdb")
	opt := audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), DBPath: dbPath}
	if _, err := auditFlat(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	// The database holds full BSNs: readable by the user only, whatever
	// the umask (issue 12).
	if fi, err := os.Stat(dbPath); err != nil {
		t.Fatal(err)
	} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("kept database has permissions %v, want 0600", fi.Mode().Perm())
	}
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM portal_photos WHERE _file = 'photos.csv'").Scan(&n); err != nil || n != 1 {
		t.Errorf("kept database: %d rows, %v", n, err)
	}
	db.Close()

	// A failed load leaves no database and no temporary file behind.
	bad := source()
	bad["photos.csv"] = &fstest.MapFile{Data: []byte("photo_id\nF1\n")}
	opt.Source, opt.DBPath = bad, filepath.Join(dir, "failed.duckdb")
	if _, err := auditFlat(context.Background(), opt); err == nil {
		t.Fatal("audit with a missing required column succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only audit.duckdb", names)
	}
}

func TestReferenceDate(t *testing.T) {
	src := source()
	src["manifest.yaml"] = &fstest.MapFile{Data: []byte("as_of: 2025-01-31\n" + manifestYAML)}
	run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", Today: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if run.AsOf != "2025-01-31" {
		t.Errorf("as_of = %s, want the manifest's", run.AsOf)
	}
	run, err = auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", AsOf: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if run.AsOf != "2024-02-29" {
		t.Errorf("as_of = %s, want the option's", run.AsOf)
	}
}

// TestRejectedRows checks that rejected rows are never read as a clean
// result: a table that lost all its rows makes its checks "not run", one
// that lost some gives them a warning, and --strict keeps no database.
func TestRejectedRows(t *testing.T) {
	checks := []queries.Check{
		check(t, "photos", "portal_photos", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en FROM portal_photos WHERE false`),
	}
	tests := []struct {
		name, csv  string
		status     string
		reasonNL   string
		warningsEN []string
	}{
		{"all rejected", "photo_id,portal_child_id,posted_at\nF1,P1,31-02-2026\n", results.StatusNotRun, "alle rijen van portal_photos zijn afgewezen bij het inlezen", nil},
		{"some rejected", "photo_id,portal_child_id,posted_at\nF1,P1,31-02-2026\nF2,P1,01-02-2026\n", results.StatusPassed, "", []string{"1 row of portal_photos rejected at loading: the outcome may be incomplete"}},
		{"empty export", "photo_id,portal_child_id,posted_at\n", results.StatusPassed, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := source()
			src["photos.csv"] = &fstest.MapFile{Data: []byte(tt.csv)}
			run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", Today: time.Now(), Checks: checks})
			if err != nil {
				t.Fatal(err)
			}
			c := run.Checks[0]
			if c.Status != tt.status {
				t.Errorf("status %s, want %s", c.Status, tt.status)
			}
			if tt.reasonNL != "" && (c.Reason == nil || c.Reason.NL != tt.reasonNL) {
				t.Errorf("reason %v, want %q", c.Reason, tt.reasonNL)
			}
			var got []string
			for _, w := range c.Warnings {
				got = append(got, w.EN)
			}
			if strings.Join(got, "|") != strings.Join(tt.warningsEN, "|") {
				t.Errorf("warnings %q, want %q", got, tt.warningsEN)
			}
		})
	}

	dir := t.TempDir()
	src := source()
	src["photos.csv"] = &fstest.MapFile{Data: []byte(tests[1].csv)}
	_, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", Today: time.Now(), Strict: true, DBPath: filepath.Join(dir, "a.duckdb")})
	var rejected *audit.RejectsError
	if !errors.As(err, &rejected) || rejected.Rows != 1 {
		t.Fatalf("strict audit: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a strict audit that failed left %d file(s), e.g. %s", len(entries), entries[0].Name())
	}
}

// TestValidBSNMacro checks the SQL 11-check against the Go one.
func TestValidBSNMacro(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := ingest.CreateTables(ctx, conn); err != nil { // the macros read the tables
		t.Fatal(err)
	}
	if err := audit.SetVariables(ctx, conn, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), policy.Default()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"123456782", "111222333", "123456789", "000000000", "12345678", "1234567820", "abcdefghi", "", "12345678a", "999999990"} {
		var got sql.NullBool
		if err := conn.QueryRowContext(ctx, "SELECT valid_bsn(?)", s).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got.Bool != values.ValidBSN(s) {
			t.Errorf("valid_bsn(%q) = %v, ValidBSN = %v", s, got.Bool, values.ValidBSN(s))
		}
	}
}

// TestTmpDir: with TmpDir the database is made in that folder and moved
// to DBPath; nothing is left in the folder or next to DBPath.
func TestTmpDir(t *testing.T) {
	tmp, dir := t.TempDir(), t.TempDir()
	dbPath := filepath.Join(dir, "audit.duckdb")
	opt := audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), DBPath: dbPath, TmpDir: tmp}
	if _, err := auditFlat(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dbPath); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("kept database: %v %v", fi, err)
	}
	for _, d := range []string{tmp, dir} {
		entries, _ := os.ReadDir(d)
		if d == dir && len(entries) == 1 || d == tmp && len(entries) == 0 {
			continue
		}
		t.Errorf("%s holds %d entries after the audit", d, len(entries))
	}
}

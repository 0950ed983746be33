package queries_test

import (
	"bufio"
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// TestCheckFixtures runs every built-in check on its fixture folder
// testdata/<id>/ (a manifest, canonical CSV files and expected.tsv) against a
// real DuckDB and compares the findings exactly: the rows that must be found
// and, by their absence from expected.tsv, the rows that must not. A check
// that places its findings (location, group_name) must have them asserted,
// and every code it returns (queries.IsCodeColumn) must have a label.
func TestCheckFixtures(t *testing.T) {
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		t.Run(c.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", c.ID)
			if _, err := os.Stat(filepath.Join(dir, "expected.tsv")); err != nil {
				t.Fatalf("check %s has no fixture: add %s with manifest.yaml, input files and expected.tsv", c.ID, dir)
			}
			got := runFixture(t, dir, c)
			if got.Status == results.StatusError {
				t.Fatalf("check failed: %s", got.Reason)
			}
			assertCodesLabelled(t, got)
			assertOwnCodes(t, c, got)
			header, want := readExpected(t, filepath.Join(dir, "expected.tsv"))
			placed := slices.Contains(header, queries.ColLocation) && slices.Contains(header, queries.ColGroup)
			var rows []string
			for _, f := range got.Findings {
				if (f.Location != "" || f.Group != "") && !placed {
					t.Errorf("finding %s is placed (location %q, group %q), but %s/expected.tsv does not assert it: add the columns %s and %s",
						f.Key, f.Location, f.Group, dir, queries.ColLocation, queries.ColGroup)
				}
				fields := []string{f.Table, f.RecordKey}
				for _, col := range header[2:] {
					fields = append(fields, value(t, got, f, col))
				}
				rows = append(rows, strings.Join(fields, "\t"))
				if f.File == "" || (f.Row == 0 && f.File != manifest.FileName) {
					t.Errorf("finding %s has no provenance (file %q, row %d)", f.Key, f.File, f.Row)
				}
				if f.Message.NL == "" || f.Message.EN == "" {
					t.Errorf("finding %s lacks a Dutch or English message", f.Key)
				}
			}
			sort.Strings(rows)
			sort.Strings(want)
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("findings differ from %s/expected.tsv (-want +got):\n%s", dir, diff)
			}
			assertNotJudged(t, dir, got)
		})
	}
}

func runFixture(t *testing.T, dir string, c queries.Check) results.Check {
	t.Helper()
	return runFixtureWith(t, dir, c, time.Time{}, nil)
}

// runFixtureWith is runFixture with another reference date (when asOf is
// not zero) and policy (when pol is not nil) than the fixture's own.
func runFixtureWith(t *testing.T, dir string, c queries.Check, asOfOverride time.Time, polOverride *policy.Policy) results.Check {
	t.Helper()
	ctx := context.Background()
	fsys := os.DirFS(dir)
	m, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	asOf, ok, err := m.AsOfDate()
	if err != nil || !ok {
		t.Fatalf("fixture manifest needs as_of: %v", err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	loaded, err := ingest.Load(ctx, db, fsys, ".", m)
	if err != nil {
		t.Fatal(err)
	}
	if n := loaded.RowsRejected(); n > 0 {
		t.Fatalf("fixture has %d rejected rows: %+v", n, loaded.Rejects)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	pol := policy.Default()
	if m.Policy != "" { // the fixture's own policy file, as the audit reads it
		data, err := fs.ReadFile(fsys, m.Policy)
		if err != nil {
			t.Fatal(err)
		}
		if pol, err = policy.ParseBytes(data); err != nil {
			t.Fatal(err)
		}
	}
	if !asOfOverride.IsZero() {
		asOf = asOfOverride
	}
	if polOverride != nil {
		pol = *polOverride
	}
	if err := audit.SetVariables(ctx, conn, asOf, pol); err != nil {
		t.Fatal(err)
	}
	out, err := audit.RunChecks(ctx, conn, []queries.Check{c}, loaded.Inputs)
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

func readExpected(t *testing.T, name string) (header []string, rows []string) {
	t.Helper()
	return readExpectedFile(t, name, "table")
}

// readExpectedFile reads a fixture's tab-separated file whose header starts
// with first; blank lines and lines starting with # are left out.
func readExpectedFile(t *testing.T, name, first string) (header []string, rows []string) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header == nil {
			header = strings.Split(line, "\t")
			if first == "table" && (len(header) < 2 || header[0] != "table" || header[1] != "record_key") {
				t.Fatalf("%s: the header must start with table<TAB>record_key", name)
			}
			if header[0] != first {
				t.Fatalf("%s: the header must start with %s", name, first)
			}
			continue
		}
		rows = append(rows, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return header, rows
}

// value is the finding's value in the column col of expected.tsv: one of
// the check's own columns, or a reserved column that places the finding.
func value(t *testing.T, c results.Check, f results.Finding, col string) string {
	t.Helper()
	switch col {
	case queries.ColLocation:
		return f.Location
	case queries.ColGroup:
		return f.Group
	}
	for i, name := range c.Columns {
		if name == col {
			return f.Values[i]
		}
	}
	t.Fatalf("expected.tsv names column %q, but the check returns only %v", col, c.Columns)
	return ""
}

// notAboutAChild lists the built-in checks whose findings concern no child:
// they need not place their findings at a location and group. Every other
// check must, and its fixture must show it.
var notAboutAChild = map[string]string{
	"account_after_employment":       "accounts",
	"account_scope_exceeds_role":     "accounts",
	"account_shared":                 "accounts",
	"breach_not_handled":             "the breach register",
	"bsn_outside_admin":              "export columns",
	"dpia_missing":                   "the register of processing activities",
	"processing_register_basis":      "the register of processing activities",
	"processing_register_incomplete": "the register of processing activities",
	"processor_agreement_expiring":   "the processor register",
	"processor_agreement_missing":    "the processor register",
	"request_overdue":                "data subject requests",
	"retention_hr":                   "staff, applicants and complaints",
	// issue 11
	"account_hygiene":                "accounts",
	"account_scope_beyond_groups":    "accounts",
	"camera_register":                "the camera register",
	"device_security":                "devices",
	"prk_link":                       "the Personenregister Kinderopvang",
	"processor_safeguards":           "the processor register",
	"staff_confidentiality_training": "staff",
}

// TestChildFindingsArePlaced requires every check about children to assert
// in its fixture the location and group of its findings, with at least one
// finding placed.
func TestChildFindingsArePlaced(t *testing.T) {
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, c := range checks {
		ids[c.ID] = true
		if _, ok := notAboutAChild[c.ID]; ok {
			continue
		}
		name := filepath.Join("testdata", c.ID, "expected.tsv")
		header, rows := readExpected(t, name)
		loc, grp := slices.Index(header, queries.ColLocation), slices.Index(header, queries.ColGroup)
		if loc < 0 || grp < 0 {
			t.Errorf("%s: the findings concern a child: return %s and %s and assert them in %s (or list the check in notAboutAChild)",
				c.ID, queries.ColLocation, queries.ColGroup, name)
			continue
		}
		placed := slices.ContainsFunc(rows, func(r string) bool {
			f := strings.Split(r, "\t")
			return len(f) > max(loc, grp) && (f[loc] != "" || f[grp] != "")
		})
		if !placed {
			t.Errorf("%s: no finding in %s has a location or group; give the fixture's children one", c.ID, name)
		}
	}
	for id := range notAboutAChild {
		if !ids[id] {
			t.Errorf("notAboutAChild names %s, which is no built-in check", id)
		}
	}
}

// assertOwnCodes fails for every code the check returned on its fixture
// that its own header does not declare (another check's label would show,
// but a check's codes belong in its own header).
func assertOwnCodes(t *testing.T, c queries.Check, got results.Check) {
	t.Helper()
	own := map[[2]string]bool{}
	for _, code := range c.Codes {
		own[[2]string{code.Column, code.Code}] = true
	}
	for _, f := range got.Findings {
		for i, col := range got.Columns {
			if i >= len(f.Values) || !queries.IsCodeColumn(col) || f.Values[i] == "" {
				continue
			}
			for _, code := range strings.Split(f.Values[i], ",") {
				if code = strings.TrimSpace(code); !own[[2]string{col, code}] {
					t.Errorf("queries/%s:%d: finding %s returns %s %q, which the header's codes block does not declare; add under `--   %s:` the line `--     %s: <Dutch label> | <English label>`",
						c.File, max(c.CodesLine, 1), f.RecordKey, col, code, col, code)
				}
			}
		}
	}
}

// assertNotJudged compares the rows a check marked as not judged (its
// warnings "not judged: ..." and their count) with testdata/<id>/not_judged.tsv
// (count<TAB>message_en per row); without that file the check must judge
// every record.
func assertNotJudged(t *testing.T, dir string, got results.Check) {
	t.Helper()
	var want []string
	total := 0
	if _, err := os.Stat(filepath.Join(dir, "not_judged.tsv")); err == nil {
		header, rows := readExpectedFile(t, filepath.Join(dir, "not_judged.tsv"), "count")
		if len(header) != 2 || header[1] != "message_en" {
			t.Fatalf("%s/not_judged.tsv: the header must be count<TAB>message_en", dir)
		}
		for _, r := range rows {
			n, msg, _ := strings.Cut(r, "\t")
			c, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("%s/not_judged.tsv: %q: %v", dir, r, err)
			}
			total += c
			want = append(want, "not judged: "+msg)
		}
	}
	var warned []string
	for _, w := range got.Warnings {
		if strings.HasPrefix(w.EN, "not judged: ") {
			warned = append(warned, w.EN)
			if !strings.HasPrefix(w.NL, "niet beoordeeld: ") {
				t.Errorf("not-judged warning without its Dutch form: %+v", w)
			}
		}
	}
	sort.Strings(want)
	sort.Strings(warned)
	if diff := cmp.Diff(want, warned); diff != "" {
		t.Errorf("not-judged warnings differ from %s/not_judged.tsv (-want +got):\n%s", dir, diff)
	}
	if got.NotJudged != total {
		t.Errorf("%d records not judged, %s/not_judged.tsv says %d", got.NotJudged, dir, total)
	}
}

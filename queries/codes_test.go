package queries_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
)

// TestCodeLabel shows how a code, a list of codes and anything else is
// labelled.
func TestCodeLabel(t *testing.T) {
	tests := []struct {
		name, check, column, value string
		want                       results.Text // zero: no label
	}{
		{"code", "photo_without_consent", "problem", "refused", results.Text{NL: "toestemming geweigerd", EN: "consent refused"}},
		{"list", "breach_not_handled", "missing", "facts, effects",
			results.Text{NL: "feiten, gevolgen", EN: "facts, effects"}},
		{"list without spaces", "consent_incomplete", "missing_types", "transport,independent_home",
			results.Text{NL: "vervoer, zelfstandig naar huis gaan", EN: "transport, going home alone"}},
		{"per column", "retention_onedrive", "category", "child_file", results.Text{NL: "kinddossier", EN: "child file"}},
		{"code of another column", "retention_onedrive", "category", "refused", results.Text{}},
		{"unknown code", "photo_without_consent", "problem", "lost", results.Text{}},
		{"list with an unknown code", "breach_not_handled", "missing", "facts, weather", results.Text{}},
		{"empty", "breach_not_handled", "missing", "", results.Text{}},
		{"no code column", "photo_without_consent", "posted_at", "refused", results.Text{}},
		{"user check", "mijn_controle", "problem", "refused", results.Text{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := queries.CodeLabel(tt.check, tt.column, tt.value)
			if ok != (tt.want != results.Text{}) || got != tt.want {
				t.Errorf("CodeLabel(%q, %q, %q) = %+v, %v; want %+v", tt.check, tt.column, tt.value, got, ok, tt.want)
			}
		})
	}
}

// TestCodeLabelsComplete requires every label in both languages, codes
// that a list of codes cannot split, and every code column documented in
// docs/checks.md.
func TestCodeLabelsComplete(t *testing.T) {
	for _, col := range queries.CodeColumns() {
		if !queries.IsCodeColumn(col) {
			t.Errorf("CodeColumns lists %s, which IsCodeColumn denies", col)
		}
	}
	if queries.IsCodeColumn("posted_at") {
		t.Error("posted_at is no code column")
	}
	for _, col := range queries.CodeColumns() {
		for code, l := range queries.CodeLabels(col) {
			if strings.Contains(code, ",") || code != strings.TrimSpace(code) || code == "" {
				t.Errorf("%s: code %q is empty, has spaces around it or holds a comma, which separates codes in a list", col, code)
			}
			if strings.TrimSpace(l.NL) == "" || strings.TrimSpace(l.EN) == "" {
				t.Errorf("%s: code %q lacks its Dutch or English label: %+v", col, code, l)
			}
		}
	}
	doc, err := os.ReadFile("../docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range queries.CodeColumns() {
		if !strings.Contains(string(doc), "| `"+col+"` |") {
			t.Errorf("docs/checks.md does not list the code column %s", col)
		}
	}
	if queries.CodeLabels("posted_at") != nil {
		t.Error("CodeLabels gives labels for posted_at, which holds no codes")
	}
}

// TestCodesMigrated: the labels live in the checks' headers; a
// queries/codes.go (as a merge of an older branch may bring back) must be
// migrated into them.
func TestCodesMigrated(t *testing.T) {
	if _, err := os.Stat("codes.go"); err == nil {
		t.Error("queries/codes.go exists: move its labels into the checks' headers with `go run ./queries/internal/migratecodes` (from the repository root)")
	}
}

// TestSampleCodesLabelled audits the sample organisation (with its history,
// so resolved findings too) and requires a label for every code the
// built-in checks return in it.
func TestSampleCodesLabelled(t *testing.T) {
	org, err := fs.Sub(samples.Org, "org")
	if err != nil {
		t.Fatal(err)
	}
	run, err := audit.Audit(context.Background(), audit.Options{Source: org, Dir: "."})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	for _, c := range run.Checks {
		assertCodesLabelled(t, c)
	}
}

// assertCodesLabelled fails for every value of c's findings in a code
// column that has no label, naming the codes without one.
func assertCodesLabelled(t *testing.T, c results.Check) {
	t.Helper()
	for _, fs := range [][]results.Finding{c.Findings, c.Resolved} {
		for _, f := range fs {
			for i, col := range c.Columns {
				if i >= len(f.Values) || !queries.IsCodeColumn(col) || f.Values[i] == "" {
					continue
				}
				if _, ok := queries.CodeLabel(c.ID, col, f.Values[i]); ok {
					continue
				}
				var unlabelled []string
				for _, code := range strings.Split(f.Values[i], ",") {
					if _, ok := queries.CodeLabel(c.ID, col, code); !ok {
						unlabelled = append(unlabelled, strings.TrimSpace(code))
					}
				}
				t.Errorf("%s: finding %s: %s %q has no label for %q; declare it in the header's codes block:\n"+
					"  -- codes:\n  --   %s:\n  --     %s: <Dutch label> | <English label>\n(or rename the column if it holds no codes)",
					headerPlace(t, c.ID), f.RecordKey, col, f.Values[i], unlabelled, col, unlabelled[0],
				)
			}
		}
	}
}

// headerPlace is where the codes of the built-in check id are declared:
// queries/<file>:<line of -- codes:>, or the file and its first line.
func headerPlace(t *testing.T, id string) string {
	t.Helper()
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		if c.ID == id {
			return fmt.Sprintf("queries/%s:%d", c.File, max(c.CodesLine, 1))
		}
	}
	return id
}

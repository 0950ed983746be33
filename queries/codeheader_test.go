package queries_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// header is a complete check header without codes; line 12 comes next.
func header(id string) string {
	return "-- id: " + id + "\n-- title.nl: Titel\n-- title.en: Title\n-- severity: low\n-- area: a\n-- source: s\n-- requires: portal_photos\n-- why.nl: w\n-- why.en: w\n-- fix.nl: f\n-- fix.en: f\n"
}

// TestParseCodes reads a header's codes block and names the file and line
// of every mistake in it.
func TestParseCodes(t *testing.T) {
	tests := []struct {
		name, codes string
		want        []queries.Code
		err         string
	}{
		{"two columns", "-- codes:\n--   problem:\n--     refused: toestemming geweigerd | consent refused\n--     none: geen toestemming | no consent\n--   in_use_via:\n--     export (admin): export van de administratie | administration export\n",
			[]queries.Code{
				{Column: "problem", Code: "refused", Label: results.Text{NL: "toestemming geweigerd", EN: "consent refused"}, Line: 14},
				{Column: "problem", Code: "none", Label: results.Text{NL: "geen toestemming", EN: "no consent"}, Line: 15},
				{Column: "in_use_via", Code: "export (admin)", Label: results.Text{NL: "export van de administratie", EN: "administration export"}, Line: 17},
			}, ""},
		{"followed by another key", "-- codes:\n--   problem:\n--     refused: geweigerd | refused\n-- columns.nl: Probleem\n-- columns.en: Problem\n",
			[]queries.Code{{Column: "problem", Code: "refused", Label: results.Text{NL: "geweigerd", EN: "refused"}, Line: 14}}, ""},
		{"none", "", nil, ""},
		{"empty block", "-- codes:\n", nil, "x.sql:12: codes: no code columns follow"},
		{"value on codes line", "-- codes: problem\n", nil, "x.sql:12: write `-- codes:` alone on its line"},
		{"english missing", "-- codes:\n--   problem:\n--     refused: toestemming geweigerd\n", nil, `x.sql:14: codes: code "refused" of column problem needs a Dutch and an English label`},
		{"dutch empty", "-- codes:\n--   problem:\n--     refused:  | consent refused\n", nil, `x.sql:14: codes: code "refused" of column problem needs a Dutch and an English label`},
		{"label missing", "-- codes:\n--   problem:\n--     refused\n", nil, `x.sql:14: codes: "refused": expected`},
		{"code without label", "-- codes:\n--   problem:\n--     refused:\n", nil, `x.sql:14: codes: code "refused" of column problem needs a Dutch and an English label`},
		{"code before column", "-- codes:\n--     refused: geweigerd | refused\n--   problem:\n", nil, `x.sql:13: codes: "refused: geweigerd | refused": expected a code column`},
		{"declared twice", "-- codes:\n--   problem:\n--     refused: geweigerd | refused\n--     refused: geweigerd | refused\n", nil, `x.sql:15: codes: code "refused" of column problem is declared twice (first on line 14)`},
		{"comma in code", "-- codes:\n--   problem:\n--     a,b: a | b\n", nil, `x.sql:14: codes: code "a,b" holds a comma`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := queries.Parse("x.sql", header("x")+tt.codes+"SELECT 1")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want an error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, c.Codes); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
			if c.SQL != "SELECT 1" {
				t.Errorf("SQL %q", c.SQL)
			}
		})
	}
}

// TestCodesAgreeAcrossChecks: loading a catalogue fails when two checks
// label one code of one column differently, naming both places; the same
// label twice is fine.
func TestCodesAgreeAcrossChecks(t *testing.T) {
	block := func(nl string) string {
		return "-- codes:\n--   problem:\n--     refused: " + nl + " | consent refused\nSELECT 1"
	}
	fsys := fstest.MapFS{
		"a.sql": {Data: []byte(header("a") + block("toestemming geweigerd"))},
		"b.sql": {Data: []byte(header("b") + block("toestemming geweigerd"))},
	}
	if _, err := queries.LoadFS(fsys, "."); err != nil {
		t.Fatalf("same labels: %v", err)
	}
	fsys["b.sql"] = &fstest.MapFile{Data: []byte(header("b") + block("geweigerd"))}
	_, err := queries.LoadFS(fsys, ".")
	want := `b.sql:14: code "refused" of column problem is labelled "geweigerd" | "consent refused" here but "toestemming geweigerd" | "consent refused" in a.sql:14`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error containing %q", err, want)
	}
}

package queries_test

import (
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/queries"
)

// TestBuiltinCatalogue parses every embedded check, so a broken header fails
// go test rather than an audit.
func TestBuiltinCatalogue(t *testing.T) {
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(checks) < 3 {
		t.Fatalf("%d checks, want at least 3", len(checks))
	}
	for _, c := range checks {
		for name, txt := range map[string]string{"title.nl": c.Title.NL, "title.en": c.Title.EN, "why.nl": c.Why.NL, "why.en": c.Why.EN, "fix.nl": c.Fix.NL, "fix.en": c.Fix.EN} {
			if len(txt) < 10 {
				t.Errorf("%s: %s is too short to explain anything: %q", c.ID, name, txt)
			}
		}
		if c.ColumnLabels == nil {
			t.Errorf("%s: give the query's own columns Dutch and English headings (columns.nl, columns.en)", c.ID)
		}
		if !strings.Contains(c.SQL, "message_nl") || !strings.Contains(c.SQL, "message_en") {
			t.Errorf("%s: the query returns no message_nl/message_en", c.ID)
		}
	}
}

func TestParseHeaderErrors(t *testing.T) {
	const full = "-- id: x\n-- title.nl: Titel van de check\n-- title.en: Title of the check\n-- severity: high\n-- area: a\n-- source: AVG art. 5\n-- requires: portal_photos\n-- why.nl: Waarom het ertoe doet.\n-- why.en: Why it matters.\n-- fix.nl: Hoe op te lossen.\n-- fix.en: How to fix it.\n"
	tests := []struct {
		name, file, src, want string
	}{
		{"ok", "x.sql", full + "SELECT 1", ""},
		{"continuation", "x.sql", strings.Replace(full, "-- why.en: Why it matters.\n", "-- why.en: Why it\n--   matters.\n", 1) + "SELECT 1", ""},
		{"unknown key", "x.sql", "-- ident: x\n" + full + "SELECT 1", `x.sql:1: unknown header key "ident"`},
		{"missing key", "x.sql", strings.Replace(full, "-- fix.en: How to fix it.\n", "", 1) + "SELECT 1", `header key "fix.en" is missing`},
		{"bad severity", "x.sql", strings.Replace(full, "high", "critical", 1) + "SELECT 1", `x.sql:4: severity "critical": expected one of high, medium, low, info`},
		{"unknown table", "x.sql", strings.Replace(full, "portal_photos", "photos", 1) + "SELECT 1", `x.sql:7: requires: "photos" is not a canonical table`},
		{"id differs from file", "y.sql", full + "SELECT 1", `id "x" differs from the file name; name the file x.sql`},
		{"duplicate key", "x.sql", full + "-- area: b\nSELECT 1", `header key "area" given twice (first on line 5)`},
		{"no sql", "x.sql", full, "no SQL query"},
		{"column headings differ", "x.sql", full + "-- columns.nl: a, b\n-- columns.en: a\nSELECT 1", "x.sql:13: columns.nl has 2 headings and columns.en 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := queries.Parse(tt.file, tt.src)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if c.Why.EN != "Why it matters." || c.SQL != "SELECT 1" || c.SQLLine != 12+strings.Count(tt.src[:strings.Index(tt.src, "SELECT")], "\n")-11 {
					t.Errorf("parsed %+v", c)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

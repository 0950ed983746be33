package queries_test

import (
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/queries"
)

// TestBuiltinCatalogue parses every embedded check, so a broken header fails
// go test rather than an audit, and requires of every built-in check what a
// user's own check may leave out: both languages of every text and column
// heading, and the impact and population that score its risk.
func TestBuiltinCatalogue(t *testing.T) {
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(checks) < 3 {
		t.Fatalf("%d checks, want at least 3", len(checks))
	}
	for _, c := range checks {
		for name, txt := range map[string]string{"title.nl": c.Title.NL, "title.en": c.Title.EN, "why.nl": c.Why.NL, "why.en": c.Why.EN,
			"fix.nl": c.Fix.NL, "fix.en": c.Fix.EN, "impact.why.nl": c.ImpactWhy.NL, "impact.why.en": c.ImpactWhy.EN} {
			if len(txt) < 10 {
				t.Errorf("%s: %s is too short to explain anything: %q", c.ID, name, txt)
			}
		}
		if c.Title.NL == c.Title.EN || c.Why.NL == c.Why.EN || c.Fix.NL == c.Fix.EN || c.ImpactWhy.NL == c.ImpactWhy.EN || (c.Likelihood > 0 && c.LikelihoodWhy.NL == c.LikelihoodWhy.EN) {
			t.Errorf("%s: a Dutch text equals its English one; translate it", c.ID)
		}
		if c.ColumnLabels == nil {
			t.Errorf("%s: give the query's own columns Dutch and English headings (columns.nl, columns.en)", c.ID)
		}
		for i, l := range c.ColumnLabels {
			if l.NL == "" || l.EN == "" {
				t.Errorf("%s: column heading %d lacks its Dutch or English text: %+v", c.ID, i+1, l)
			}
		}
		if !strings.Contains(c.SQL, "message_nl") || !strings.Contains(c.SQL, "message_en") {
			t.Errorf("%s: the query returns no message_nl/message_en", c.ID)
		}
		if c.Impact == 0 {
			t.Errorf("%s: give the check an impact (1–5) and impact.why.nl and impact.why.en", c.ID)
		}
		if c.Population == "" {
			t.Errorf("%s: name the table whose rows the check judges (population)", c.ID)
		}
		if c.PopulationSubject != "" && !strings.Contains(c.SQL, " AS "+queries.ColSubject) {
			t.Errorf("%s: the population counts data subjects (%s); return each finding's in the column %s", c.ID, c.PopulationSubject, queries.ColSubject)
		}
		if c.Severity == "info" && c.Impact != 1 {
			t.Errorf("%s: a good-practice check (severity info) has impact 1, so its risk stays low; got %d", c.ID, c.Impact)
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
		{"impact not a number", "x.sql", full + "-- impact: hoog\nSELECT 1", `x.sql:12: impact "hoog": expected a whole number from 1`},
		{"impact too high", "x.sql", full + "-- impact: 6\nSELECT 1", `x.sql:12: impact "6": expected a whole number from 1`},
		{"impact zero", "x.sql", full + "-- impact: 0\nSELECT 1", `x.sql:12: impact "0"`},
		{"impact empty", "x.sql", full + "-- impact:\nSELECT 1", `x.sql:12: impact ""`},
		{"likelihood with population none", "x.sql", full + "-- population: none\n-- likelihood: 3\n-- likelihood.why.nl: mogelijk\n-- likelihood.why.en: possible\nSELECT 1", ""},
		{"impact why in Dutch only", "x.sql", full + "-- impact: 2\n-- impact.why.nl: weinig schade\nSELECT 1", `x.sql:13: impact.why.nl is in the header but impact.why.en is missing or empty`},
		{"impact why in English only", "x.sql", full + "-- impact: 2\n-- impact.why.en: little harm\nSELECT 1", `x.sql:13: impact.why.en is in the header but impact.why.nl is missing or empty`},
		{"impact why empty in Dutch", "x.sql", full + "-- impact: 2\n-- impact.why.nl:\n-- impact.why.en: little harm\nSELECT 1", `x.sql:14: impact.why.en is in the header but impact.why.nl is missing or empty`},
		{"likelihood why in English only", "x.sql", full + "-- population: none\n-- likelihood: 3\n-- likelihood.why.en: possible\nSELECT 1", `x.sql:14: likelihood.why.en is in the header but likelihood.why.nl is missing`},
		{"impact why of earlier versions", "x.sql", full + "-- impact: 2\n-- impact.why: little harm\nSELECT 1", `x.sql:13: impact.why is bilingual: write impact.why.nl: with the Dutch and impact.why.en: with the English text`},
		{"likelihood with a population", "x.sql", full + "-- population: portal_photos\n-- likelihood: 3\nSELECT 1", `x.sql:13: likelihood: only a check with population none has a fixed likelihood`},
		{"likelihood too high", "x.sql", full + "-- population: none\n-- likelihood: 6\nSELECT 1", `x.sql:13: likelihood "6": expected a whole number from 1`},
		{"unknown population", "x.sql", full + "-- impact: 2\n-- population: fotos\nSELECT 1", `x.sql:13: population: "fotos" is not a canonical table`},
		{"two populations", "x.sql", full + "-- population: portal_photos, portal_consents\nSELECT 1", `x.sql:12: population: "portal_photos, portal_consents" is not a canonical table`},
		{"population subject not a column", "x.sql", full + "-- population: portal_photos(child)\nSELECT 1", `x.sql:12: population: portal_photos has no column "child"`},
		{"reads unknown table", "x.sql", full + "-- reads: fotos(photo_id)\nSELECT photo_id FROM portal_photos", `x.sql:12: reads: "fotos" is not a canonical table`},
		{"reads unknown column", "x.sql", full + "-- reads: portal_photos(foto)\nSELECT photo_id FROM portal_photos", `x.sql:12: reads: portal_photos has no column "foto"`},
		{"reads a column the query never names", "x.sql", full + "-- reads: portal_photos(photo_id, removed_at~)\nSELECT photo_id FROM portal_photos", `x.sql:12: reads: portal_photos.removed_at is declared, but the query never names removed_at`},
		{"reads leaves out a table", "x.sql", full + "-- reads: portal_photos(photo_id)\nSELECT photo_id FROM portal_photos JOIN portal_consents USING (portal_child_id)", `x.sql:12: reads: the query reads table portal_consents; declare the columns it uses`},
		{"reads a table the query does not read", "x.sql", full + "-- reads: portal_photos(photo_id), staff(employee_id)\nSELECT photo_id, employee_id FROM portal_photos", `reads: staff.employee_id is declared, but the query does not read table staff`},
		{"reads a table in a comment only", "x.sql", full + "-- reads: portal_photos(photo_id)\nSELECT photo_id FROM portal_photos -- not staff\n", ""},
		{"reads bad syntax", "x.sql", full + "-- reads: portal_photos photo_id\nSELECT photo_id FROM portal_photos", `x.sql:12: reads: expected table(column, column?, column~), ...`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := queries.Parse(tt.file, tt.src)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(c.SQL, "SELECT photo_id") {
					return
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

// TestParseRisk reads impact, impact.why.nl/en and population, and leaves them
// empty for a check that gives none (a user check: impact 3 at run time).
func TestParseRisk(t *testing.T) {
	const head = "-- id: x\n-- title.nl: Titel\n-- title.en: Title\n-- severity: low\n-- area: a\n-- source: s\n-- requires: portal_photos\n-- why.nl: w\n-- why.en: w\n-- fix.nl: f\n-- fix.en: f\n"
	tests := []struct {
		name, extra string
		impact      int
		why, pop    string
	}{
		{"none", "", 0, "", ""},
		{"all", "-- impact: 5\n-- impact.why.nl: foto's op\n--   internet\n-- impact.why.en: photos on the\n--   internet\n-- population: portal_photos\n", 5, "foto's op internet|photos on the internet", "portal_photos"},
		{"no population", "-- impact: 4\n-- population: none\n", 4, "", queries.NoPopulation},
		{"impact only", "-- impact: 1\n", 1, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := queries.Parse("x.sql", head+tt.extra+"SELECT 1")
			if err != nil {
				t.Fatal(err)
			}
			why := c.ImpactWhy.NL + "|" + c.ImpactWhy.EN
			if why == "|" {
				why = ""
			}
			if c.Impact != tt.impact || why != tt.why || c.Population != tt.pop {
				t.Errorf("impact %d, why %q, population %q; want %d, %q, %q", c.Impact, why, c.Population, tt.impact, tt.why, tt.pop)
			}
		})
	}
}

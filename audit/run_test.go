package audit_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// TestPlacedFindings checks the reserved columns location and group_name:
// they place the finding and are not among its values or headings.
func TestPlacedFindings(t *testing.T) {
	checks := []queries.Check{
		labelled(t, "placed", "-- columns.nl: geplaatst\n-- columns.en: posted\n", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en, 'Molenwiek' AS location, posted_at, 'Rupsjes' AS group_name FROM portal_photos`),
		// Written before group_name was reserved: its heading is dropped.
		labelled(t, "headed", "-- columns.nl: Groep, geplaatst\n-- columns.en: Group, posted\n", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en, 'Rupsjes' AS group_name, posted_at FROM portal_photos`),
		check(t, "group_only", "portal_photos", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en, NULL AS location, 'Vlinders' AS group_name FROM portal_photos`),
	}
	run, err := audit.Audit(context.Background(), audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id              string
		columns, values []string
		location, group string
	}{
		{"placed", []string{"posted_at"}, []string{"2026-01-01 10:00"}, "Molenwiek", "Rupsjes"},
		{"headed", []string{"posted_at"}, []string{"2026-01-01 10:00"}, "", "Rupsjes"},
		{"group_only", []string{}, []string{}, "", "Vlinders"},
	}
	for _, tt := range tests {
		c := run.Checks[slices.IndexFunc(run.Checks, func(c results.Check) bool { return c.ID == tt.id })]
		if c.Status != results.StatusFindings || len(c.Findings) != 1 {
			t.Fatalf("%s: %s %v, %d findings", tt.id, c.Status, c.Reason, len(c.Findings))
		}
		f := c.Findings[0]
		if diff := cmp.Diff(tt.columns, c.Columns); diff != "" {
			t.Errorf("%s: columns (-want +got):\n%s", tt.id, diff)
		}
		if diff := cmp.Diff(tt.values, f.Values); diff != "" {
			t.Errorf("%s: values (-want +got):\n%s", tt.id, diff)
		}
		if len(c.ColumnLabels) != len(tt.columns) || (len(c.ColumnLabels) > 0 && c.ColumnLabels[0].EN != "posted") {
			t.Errorf("%s: column labels %v for columns %v", tt.id, c.ColumnLabels, tt.columns)
		}
		if f.Location != tt.location || f.Group != tt.group {
			t.Errorf("%s: location %q, group %q; want %q, %q", tt.id, f.Location, f.Group, tt.location, tt.group)
		}
	}
}

// TestCheckRisk checks the risk a check carries out of RunChecks: the
// impact of its header (3 without one) and the row count of its population
// table (0 without one); none for a check that did not run or failed.
func TestCheckRisk(t *testing.T) {
	const finds = `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row, 'm' AS message_nl, 'm' AS message_en FROM portal_photos`
	checks := []queries.Check{
		labelled(t, "declared", "-- impact: 5\n-- impact.why: photos\n-- population: portal_photos\n", finds),
		labelled(t, "passes", "-- impact: 1\n-- population: portal_consents\n", finds+" WHERE false"),
		check(t, "undeclared", "portal_photos", finds),
		check(t, "not_run", "portal_consents", finds),
		check(t, "fails", "portal_photos", "SELECT * FROM no_such_table"),
	}
	run, err := audit.Audit(context.Background(), audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*results.Risk{
		"declared":   {Impact: 5, ImpactSource: "check", Population: 1},
		"passes":     {Impact: 1, ImpactSource: "check", Population: 0},
		"undeclared": {Impact: queries.DefaultImpact, ImpactSource: "check", Population: 0},
		"not_run":    nil,
		"fails":      nil,
	}
	for _, c := range run.Checks {
		w, ok := want[c.ID]
		if !ok {
			t.Errorf("unexpected check %s", c.ID)
			continue
		}
		switch {
		case w == nil && c.Risk != nil:
			t.Errorf("%s (%s): risk %+v, want none", c.ID, c.Status, c.Risk)
		case w != nil && c.Risk == nil:
			t.Errorf("%s (%s %v): no risk, want %+v", c.ID, c.Status, c.Reason, w)
		case w != nil && (c.Risk.Impact != w.Impact || c.Risk.ImpactSource != w.ImpactSource || c.Risk.Population != w.Population):
			t.Errorf("%s: impact %d (%s), population %d; want %d (%s), %d", c.ID,
				c.Risk.Impact, c.Risk.ImpactSource, c.Risk.Population, w.Impact, w.ImpactSource, w.Population)
		}
	}
}

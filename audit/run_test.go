package audit_test

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"
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
	run, err := auditFlat(context.Background(), audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
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
		labelled(t, "declared", "-- impact: 5\n-- impact.why.nl: foto's\n-- impact.why.en: photos\n-- population: portal_photos\n", finds),
		labelled(t, "passes", "-- impact: 1\n-- population: portal_consents\n", finds+" WHERE false"),
		check(t, "undeclared", "portal_photos", finds),
		check(t, "not_run", "portal_consents", finds),
		check(t, "fails", "portal_photos", "SELECT * FROM no_such_table"),
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
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

// TestRiskCountsDataSubjects: a population table(column) counts the data
// subjects, not the rows, and the affected are the distinct subjects of
// the open findings: three photos of one child among six photos of three
// children is one child in three, not three photos in six.
func TestRiskCountsDataSubjects(t *testing.T) {
	src := source()
	src["photos.csv"] = &fstest.MapFile{Data: []byte("photo_id,portal_child_id,posted_at\n" +
		"F1,P1,2026-01-01 10:00\nF2,P1,2026-01-02 10:00\nF3,P1,2026-01-03 10:00\n" +
		"F4,P2,2026-01-01 10:00\nF5,P3,2026-01-01 10:00\nF6,P3,2026-01-02 10:00\n")}
	const finds = `SELECT 'portal_photos' AS table_name, photo_id AS record_key, portal_child_id AS data_subject, _file, _row,
		'm' AS message_nl, 'm' AS message_en FROM portal_photos WHERE portal_child_id = 'P1'`
	checks := []queries.Check{
		labelled(t, "subjects", "-- impact: 4\n-- population: portal_photos(portal_child_id)\n", finds),
		labelled(t, "rows", "-- impact: 4\n-- population: portal_photos\n", finds),
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{"subjects": {1, 3}, "rows": {3, 6}} // affected, population
	for _, c := range run.Checks {
		if c.Risk == nil || len(c.Findings) != 3 {
			t.Fatalf("%s: %s, %d findings, risk %+v", c.ID, c.Status, len(c.Findings), c.Risk)
		}
		if got := [2]int{c.Risk.Affected, c.Risk.Population}; got != want[c.ID] {
			t.Errorf("%s: affected %d of %d, want %d of %d", c.ID, got[0], got[1], want[c.ID][0], want[c.ID][1])
		}
		for _, f := range c.Findings {
			if slices.Contains(f.Values, "P1") {
				t.Errorf("%s: the subject is shown among the finding's values %v", c.ID, f.Values)
			}
		}
	}
}

// TestNotJudged checks the reserved column not_judged: a row with a count
// (or true) is no finding but the check's incompleteness, counted and
// explained in a warning in both languages, and raises no risk; NULL, 0 and
// false are findings; a negative count or text makes the check fail.
func TestNotJudged(t *testing.T) {
	src := source()
	src["photos.csv"] = &fstest.MapFile{Data: []byte("photo_id,portal_child_id,posted_at\n" +
		"F1,P1,2026-01-01 10:00\nF2,P2,2026-01-02 10:00\nF3,P3,2026-01-03 10:00\nF4,P4,2026-01-04 10:00\nF5,P5,2026-01-05 10:00\n")}
	const base = `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row, `
	checks := []queries.Check{
		labelled(t, "counted", "-- population: portal_photos\n", base+`'foto geplaatst' AS message_nl, 'photo posted' AS message_en, NULL::BIGINT AS not_judged
			FROM portal_photos WHERE photo_id < 'F3'
			UNION ALL
			SELECT 'portal_photos', min(photo_id), min(_file), min(_row), count(*) || ' foto(''s) zonder plaatsingsdatum: exporteer die kolom',
				count(*) || ' photo(s) without a posting date: export that column', count(*)
			FROM portal_photos WHERE photo_id >= 'F3'`),
		labelled(t, "only_unjudged", "-- population: portal_photos\n", base+`'m' AS message_nl, 'm' AS message_en, photo_id >= 'F3' AS not_judged
			FROM portal_photos WHERE photo_id >= 'F3'`),
		labelled(t, "zero", "", base+`'m' AS message_nl, 'm' AS message_en, 0 AS not_judged FROM portal_photos WHERE photo_id = 'F1'`),
		labelled(t, "per_record", "", `SELECT 'portal_photos' AS table_name, 'R' || i AS record_key, 'photos.csv' AS _file, i AS _row,
			'kind ' || i || ' niet te beoordelen' AS message_nl, 'child ' || i || ' cannot be judged' AS message_en, true AS not_judged
			FROM range(1, 13) t(i) UNION ALL SELECT 'portal_photos', 'R', 'photos.csv', 99, 'zelfde', 'same', 2 FROM range(2)`),
		labelled(t, "negative", "", base+`'m' AS message_nl, 'm' AS message_en, -1 AS not_judged FROM portal_photos`),
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]results.Check{}
	for _, c := range run.Checks {
		byID[c.ID] = c
	}
	c := byID["counted"]
	if c.Status != results.StatusFindings || len(c.Findings) != 2 || c.NotJudged != 3 {
		t.Fatalf("counted: %s, %d findings, %d not judged; want findings, 2, 3", c.Status, len(c.Findings), c.NotJudged)
	}
	want := []results.Text{{NL: "niet beoordeeld: 3 foto('s) zonder plaatsingsdatum: exporteer die kolom", EN: "not judged: 3 photo(s) without a posting date: export that column"}}
	if diff := cmp.Diff(want, c.Warnings); diff != "" {
		t.Errorf("counted: warnings (-want +got):\n%s", diff)
	}
	if slices.Contains(c.Columns, "not_judged") {
		t.Errorf("counted: not_judged is among the columns %v", c.Columns)
	}
	if c.Risk == nil || c.Risk.Affected != 2 {
		t.Errorf("counted: risk %+v, want 2 affected (the records not judged raise no risk)", c.Risk)
	}
	c = byID["only_unjudged"]
	if c.Status != results.StatusPassed || len(c.Findings) != 0 || c.NotJudged != 3 || len(c.Warnings) != 1 {
		t.Errorf("only_unjudged: %s, %d findings, %d not judged, warnings %v; want passed, 0, 3, 1 warning (one reason said once)", c.Status, len(c.Findings), c.NotJudged, c.Warnings)
	}
	if c.Risk == nil || c.Risk.Likelihood != 0 || c.Risk.Score != 0 {
		t.Errorf("only_unjudged: risk %+v, want none", c.Risk)
	}
	if c = byID["zero"]; len(c.Findings) != 1 || c.NotJudged != 0 {
		t.Errorf("zero: %d findings, %d not judged; want 1, 0", len(c.Findings), c.NotJudged)
	}
	if c = byID["per_record"]; c.NotJudged != 16 || len(c.Warnings) != 11 || c.Warnings[10].EN != "not judged: 3 more reasons; 16 records not judged in all" {
		t.Errorf("per_record: %d not judged, warnings %q; want 16, 10 reasons and a count of the other 3", c.NotJudged, c.Warnings)
	}
	if c = byID["negative"]; c.Status != results.StatusError {
		t.Errorf("negative: %s, want error", c.Status)
	}
	if run.Summary.NotJudged != 22 || run.Summary.Findings != 3 {
		t.Errorf("summary: %d not judged, %d findings; want 22, 3", run.Summary.NotJudged, run.Summary.Findings)
	}
}

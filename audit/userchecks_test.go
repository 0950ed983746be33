package audit_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// TestUserChecks runs the user's own checks from testdata/userchecks next to
// the built-in ones: a header mistake and an SQL error are each reported as
// that check's failure, naming the file and line, and the other checks
// still run; a check whose `a | b` requirement is not met is not run and
// names both tables.
func TestUserChecks(t *testing.T) {
	dir := filepath.Join("testdata", "userchecks")
	user, err := queries.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	checks, err := queries.Merge(builtin, user)
	if err != nil {
		t.Fatal(err)
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]results.Check{}
	for _, c := range run.Checks {
		byID[c.ID] = c
	}
	if len(byID) != len(builtin)+4 {
		t.Errorf("%d checks reported, want the %d built-in ones and 4 of the user", len(byID), len(builtin))
	}
	tests := []struct {
		id, status string
		reason     []string // in the English reason, and in the Dutch unless it has a Dutch text
		nl         []string // in the Dutch reason instead
	}{
		{"own_photos", results.StatusFindings, nil, nil},
		{"bad_header", results.StatusError, []string{filepath.Join(dir, "bad_header.sql") + `:3: unknown header key "titel.en"`},
			[]string{filepath.Join(dir, "bad_header.sql") + `:3: onbekende sleutel "titel.en" in de kop`}},
		{"bad_sql", results.StatusError, []string{filepath.Join(dir, "bad_sql.sql") + ":14: ", "portal_fotos"}, nil},
		{"needs_either", results.StatusNotRun, nil, nil},
	}
	for _, tt := range tests {
		c, ok := byID[tt.id]
		if !ok {
			t.Errorf("check %s not reported", tt.id)
			continue
		}
		if c.Status != tt.status {
			t.Errorf("%s: status %s, want %s (reason %v)", tt.id, c.Status, tt.status, c.Reason)
		}
		for _, want := range tt.reason {
			if c.Reason == nil || tt.nl == nil && !strings.Contains(c.Reason.NL, want) || !strings.Contains(c.Reason.EN, want) {
				t.Errorf("%s: reason %v lacks %q", tt.id, c.Reason, want)
			}
		}
		for _, want := range tt.nl {
			if c.Reason == nil || !strings.Contains(c.Reason.NL, want) {
				t.Errorf("%s: Dutch reason %v lacks %q", tt.id, c.Reason, want)
			}
		}
	}
	if c := byID["needs_either"]; c.Reason == nil || *c.Reason != (results.Text{NL: "geen gegevens voor portal_consents of admin_children", EN: "no data for portal_consents or admin_children"}) {
		t.Errorf("needs_either: reason %v, want both tables named", c.Reason)
	}
	if f := byID["own_photos"].Findings; len(f) != 1 || f[0].File != "photos.csv" || f[0].Row != 2 {
		t.Errorf("own_photos findings %+v", f)
	}
}

// TestDeprecatedSettingName: a setting reads the same by its one spelling
// (getvariable('retention.portal_months')) and by the old variable name of
// earlier versions, which still works in an own check but gets a warning
// naming the new spelling; the new spelling gets none.
func TestDeprecatedSettingName(t *testing.T) {
	sql := func(name string) string {
		return `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en, getvariable('` + name + `') AS months FROM portal_photos`
	}
	checks := []queries.Check{check(t, "old_name", "portal_photos", sql("retention_portal_months")), check(t, "new_name", "portal_photos", sql("retention.portal_months"))}
	run, err := auditFlat(context.Background(), audit.Options{Source: source(), Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range run.Checks {
		if c.Status != results.StatusFindings || len(c.Findings) != 1 || c.Findings[0].Values[0] != "24" {
			t.Fatalf("%s: status %s, findings %+v, want one finding with months 24", c.ID, c.Status, c.Findings)
		}
		warned := len(c.Warnings) == 1 && strings.Contains(c.Warnings[0].EN, "getvariable('retention.portal_months')")
		if warned != (c.ID == "old_name") {
			t.Errorf("%s: warnings %+v", c.ID, c.Warnings)
		}
	}
}

package queries_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// builtinCheck returns the built-in check id.
func builtinCheck(t *testing.T, id string) queries.Check {
	t.Helper()
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no built-in check %s", id)
	return queries.Check{}
}

// findingProblems lists a check's findings as "record_key problem", sorted.
func findingProblems(t *testing.T, dir string, c queries.Check, asOf time.Time, pol *policy.Policy) []string {
	t.Helper()
	got := runFixtureWith(t, dir, c, asOf, pol)
	var out []string
	for _, f := range got.Findings {
		out = append(out, f.RecordKey+" "+value(t, got, f, "problem"))
	}
	sort.Strings(out)
	return out
}

func date(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRetentionAdminThresholds runs retention_admin's fixture on, a day
// before and a day after its thresholds: 31 December of the 7th year after
// the year care ended (for the whole record, BSN included), and the
// organisation's own, optional BSN period.
func TestRetentionAdminThresholds(t *testing.T) {
	c := builtinCheck(t, "retention_admin")
	dir := filepath.Join("testdata", "retention_admin")
	own := func(months int) *policy.Policy {
		p := policy.Default()
		p.Retention.AdminBSNMonths = months
		return &p
	}
	old := []string{"A17 admin_record", "A3 admin_record"} // ended in 2018 or before
	ended2019 := []string{"A13 admin_record", "A14 admin_record", "A15 admin_record", "A18 admin_record", "A4 admin_record", "A5 admin_record"}
	tests := []struct {
		name string
		asOf string
		pol  *policy.Policy
		want []string
	}{
		{"a day before 31 December", "2026-12-30", nil, old},
		{"on 31 December: kept", "2026-12-31", nil, old},
		// A10 and A16 ended at one location in 2019 or before, but care went
		// on at the other: no finding.
		{"a day after 31 December", "2027-01-01", nil, append(append([]string{}, old...), ended2019...)},
		// Own BSN policy of 24 months from the end of care: A2 ended
		// 01-09-2024 (on its deadline), A9 a day later, A1 a day earlier.
		// A10 has two records (two locations): one finding for the child.
		{"own BSN period of 24 months", "2026-09-01", own(24), append(append([]string{}, old...),
			"A1 bsn", "A10 bsn", "A13 bsn", "A18 bsn", "A4 bsn", "A5 bsn")},
		{"own BSN period longer than the record's", "2026-09-01", own(120), old},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := append([]string{}, tt.want...)
			sort.Strings(want)
			got := findingProblems(t, dir, c, date(t, tt.asOf), tt.pol)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings as of %s (-want +got):\n%s", tt.asOf, diff)
			}
			for _, f := range runFixtureWith(t, dir, c, date(t, tt.asOf), tt.pol).Findings {
				for _, bad := range []string{"alleen nodig", "had het BSN", "only needed", "needed the BSN", "only for the childcare benefit"} {
					if strings.Contains(f.Message.NL+f.Message.EN, bad) {
						t.Errorf("%s: message says %q: %s / %s", f.RecordKey, bad, f.Message.NL, f.Message.EN)
					}
				}
			}
		})
	}
}

// TestVVETransferWithoutProgrammeColumn: an export of the transfers without
// a column for the VVE programme and duration is no reason to report every
// VVE child: the check is not run, naming the columns, and never tells the
// user to ask for consent.
func TestVVETransferWithoutProgrammeColumn(t *testing.T) {
	c := builtinCheck(t, "vve_transfer_missing")
	got := runFixture(t, filepath.Join("testdata", "vve_transfer_missing", "no_programme_column"), c)
	if got.Status != results.StatusNotRun || got.Reason == nil {
		t.Fatalf("status %s with %d findings, want not run", got.Status, len(got.Findings))
	}
	for _, col := range []string{"tracking_transfers.vve_programme", "tracking_transfers.vve_duration"} {
		if !strings.Contains(got.Reason.EN, col) || !strings.Contains(got.Reason.NL, col) {
			t.Errorf("the reason does not name %s: %+v", col, *got.Reason)
		}
	}
	full := runFixture(t, filepath.Join("testdata", "vve_transfer_missing"), c)
	for _, f := range full.Findings {
		if strings.Contains(strings.ToLower(f.Message.NL), "na toestemming") || strings.Contains(strings.ToLower(f.Message.EN), "with the parents' consent") {
			t.Errorf("%s: the message asks for consent: %s", f.RecordKey, f.Message.EN)
		}
	}
}

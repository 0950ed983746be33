package acceptance_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/acceptance"
	"github.com/avgaudit/avgaudit/results"
)

func TestMatches(t *testing.T) {
	tests := []struct {
		pattern, key string
		want         bool
	}{
		{"", "K0001", true},
		{"*", "F0012/PK0034", true},
		{"  ", "K0001", true},
		{"K0001", "K0001", true},
		{" K0001 ", "K0001", true},
		{"K0001", "K00010", false},
		{"K0001", "k0001", false},
		{"K000?", "K0007", true},
		{"K000?", "K00071", false},
		{"K000?", "K000", false},
		{"F0012/*", "F0012/PK0034", true},
		{"F0012/*", "F0012/", true},
		{"F0012/*", "F0013/PK0034", false},
		{"*/PK0034", "F0012/PK0034", true},
		{"*/PK0034", "F0012/PK0035", false},
		{"F*34", "F0012/PK0034", true},
		{"F*/*/*", "F1/a/b", true},
		{"F*/*/*", "F1/a", false},
		{"*a*b*", "xxaxxbxx", true},
		{"*a*b", "xxaxxbxxb", true},
		{"*a*b", "xxaxxbxxc", false},
		{"Zoë?", "Zoëy", true},
		{"Zo?", "Zoë", true},
		{"??", "ë", false},
		{"[K]0001", "[K]0001", true}, // no character classes: brackets are literal
		{"K\\*", "K\\x", true},       // nor escapes
	}
	for _, tt := range tests {
		if got := acceptance.Matches(tt.pattern, tt.key); got != tt.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", tt.pattern, tt.key, got, tt.want)
		}
	}
}

// FuzzMatches compares the glob with the same pattern as a regular
// expression.
func FuzzMatches(f *testing.F) {
	f.Add("F0012/*", "F0012/PK0034")
	f.Add("*a*?b", "aaxb")
	f.Add("?", "ë")
	f.Fuzz(func(t *testing.T, pattern, key string) {
		pattern = strings.TrimSpace(pattern)
		if pattern == "" || !utf8.ValidString(pattern) || !utf8.ValidString(key) {
			return
		}
		var re strings.Builder
		re.WriteString(`^(?s)`)
		for _, r := range pattern {
			switch r {
			case '*':
				re.WriteString(`.*`)
			case '?':
				re.WriteString(`.`)
			default:
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		re.WriteString(`$`)
		want := regexp.MustCompile(re.String()).MatchString(key)
		if got := acceptance.Matches(pattern, key); got != want {
			t.Errorf("Matches(%q, %q) = %v, regexp says %v", pattern, key, got, want)
		}
	})
}

// run makes a run with the checks and findings given as "check: key, key".
func run(checks ...string) *results.Run {
	r := &results.Run{AsOf: "2026-09-01"}
	for _, c := range checks {
		id, keys, _ := strings.Cut(c, ":")
		ch := results.Check{ID: id, Status: results.StatusPassed, Findings: []results.Finding{}}
		if strings.HasSuffix(id, "!") {
			ch.ID, ch.Status = strings.TrimSuffix(id, "!"), results.StatusNotRun
		}
		for _, k := range strings.Split(keys, ",") {
			if k = strings.TrimSpace(k); k != "" {
				ch.Findings = append(ch.Findings, results.Finding{Key: ch.ID + "|t|" + k, Table: "t", RecordKey: k})
				ch.Status = results.StatusFindings
			}
		}
		r.Checks = append(r.Checks, ch)
	}
	return r
}

func entry(check, record, approved, expires string) acceptance.Entry {
	return acceptance.Entry{Source: "r.yaml", CheckID: check, RecordKey: record, Justification: "j", ApprovedBy: "FG",
		ApprovedOn: date(approved), ExpiresOn: date(expires)}
}

// TestApply checks the statuses, their boundaries (both dates count as in
// force), what each finding is linked to, and the matched counts.
func TestApply(t *testing.T) {
	r := run(
		"photo_without_consent: F0012/PK0034, F0012/PK0035, F0013/PK0034",
		"retention_admin: K0001, K0002",
		"request_overdue:",
		"retention_portal!:",
	)
	entries := []acceptance.Entry{
		entry("photo_without_consent", "F0012/*", "2026-09-01", "2027-09-01"), // A1 approved on as-of: in force
		entry("retention_admin", "K0001", "2025-09-01", "2026-09-01"),         // A2 expires on as-of: still in force
		entry("retention_admin", "K0002", "2025-09-01", "2026-08-31"),         // A3 expired the day before
		entry("request_overdue", "*", "2026-01-01", "2027-01-01"),             // A4 in force, nothing to match: stale
		entry("retention_admin", "*", "2026-09-02", "2027-09-02"),             // A5 approved the day after: pending
		entry("retention_portal", "", "2026-01-01", "2027-01-01"),             // A6 check did not run: not stale
		entry("photo_without_consent", "F0099", "2026-01-01", "2027-01-01"),   // A7 no such record: stale
	}
	acceptance.Apply(r, entries, date("2026-09-01"))
	var got []string
	for _, a := range r.Acceptances {
		got = append(got, fmt.Sprintf("%s %s %d", a.ID, a.Status, a.Matched))
	}
	want := []string{"A1 accepted 2", "A2 accepted 1", "A3 expired 1", "A4 stale 0", "A5 pending 2", "A6 accepted 0", "A7 stale 0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("acceptances (-want +got):\n%s", diff)
	}
	links := map[string]string{}
	for _, c := range r.Checks {
		for _, f := range c.Findings {
			if f.Acceptance != nil {
				links[f.Key] = f.Acceptance.ID + " " + f.Acceptance.Status + " " + f.Acceptance.ExpiresOn
			}
		}
	}
	wantLinks := map[string]string{
		"photo_without_consent|t|F0012/PK0034": "A1 accepted 2027-09-01",
		"photo_without_consent|t|F0012/PK0035": "A1 accepted 2027-09-01",
		"retention_admin|t|K0001":              "A2 accepted 2026-09-01",
		"retention_admin|t|K0002":              "A3 expired 2026-08-31", // not A5, which is pending
	}
	if diff := cmp.Diff(wantLinks, links); diff != "" {
		t.Errorf("finding links (-want +got):\n%s", diff)
	}
	r.Summarise()
	if r.Summary.Open != 2 || r.Summary.Accepted != 3 {
		t.Errorf("open %d, accepted %d; want 2 and 3", r.Summary.Open, r.Summary.Accepted)
	}
	a := r.Acceptances[0]
	if a.Source != "r.yaml" || a.CheckID != "photo_without_consent" || a.RecordKey != "F0012/*" || a.ApprovedOn != "2026-09-01" || a.ExpiresOn != "2027-09-01" || a.ApprovedBy != "FG" || a.Justification != "j" {
		t.Errorf("A1 = %+v", a)
	}
}

// TestApplyWinner checks which of several matching entries covers a
// finding: one in force over an expired one, then the one expiring last,
// then the first in the register.
func TestApplyWinner(t *testing.T) {
	tests := []struct {
		name    string
		entries []acceptance.Entry
		want    string
	}{
		{"in force beats expired that expires later", []acceptance.Entry{
			entry("retention_admin", "K0001", "2025-01-01", "2026-08-01"),
			entry("retention_admin", "K*", "2026-01-01", "2026-12-31"),
		}, "A2 accepted"},
		{"expiring last wins", []acceptance.Entry{
			entry("retention_admin", "*", "2026-01-01", "2026-12-31"),
			entry("retention_admin", "K0001", "2026-01-01", "2027-06-30"),
			entry("retention_admin", "K000?", "2026-01-01", "2027-01-31"),
		}, "A2 accepted"},
		{"tie: first in the register", []acceptance.Entry{
			entry("retention_admin", "K*", "2026-01-01", "2027-01-01"),
			entry("retention_admin", "*1", "2025-01-01", "2027-01-01"),
		}, "A1 accepted"},
		{"of two expired, the later expiry", []acceptance.Entry{
			entry("retention_admin", "K*", "2024-01-01", "2025-01-01"),
			entry("retention_admin", "*1", "2025-01-01", "2026-01-01"),
		}, "A2 expired"},
		{"pending only: open, no link", []acceptance.Entry{
			entry("retention_admin", "K0001", "2026-10-01", "2027-01-01"),
		}, ""},
		{"other check: no link", []acceptance.Entry{
			entry("retention_portal", "K0001", "2026-01-01", "2027-01-01"),
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run("retention_admin: K0001", "retention_portal:")
			acceptance.Apply(r, tt.entries, date("2026-09-01"))
			got := ""
			if a := r.Checks[0].Findings[0].Acceptance; a != nil {
				got = a.ID + " " + a.Status
			}
			if got != tt.want {
				t.Errorf("finding covered by %q, want %q", got, tt.want)
			}
			for _, a := range r.Acceptances {
				if a.CheckID == "retention_admin" && a.Matched != 1 {
					t.Errorf("%s matched %d, want 1", a.ID, a.Matched)
				}
			}
		})
	}
}

// TestApplyNone checks that a run without a register gets an empty list
// (not null in the JSON) and keeps no links from an earlier Apply.
func TestApplyNone(t *testing.T) {
	r := run("retention_admin: K0001")
	acceptance.Apply(r, []acceptance.Entry{entry("retention_admin", "", "2026-01-01", "2027-01-01")}, date("2026-09-01"))
	acceptance.Apply(r, nil, date("2026-09-01"))
	if r.Acceptances == nil || len(r.Acceptances) != 0 || r.Checks[0].Findings[0].Acceptance != nil {
		t.Errorf("acceptances %#v, link %+v", r.Acceptances, r.Checks[0].Findings[0].Acceptance)
	}
}

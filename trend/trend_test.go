package trend_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/trend"
)

// check makes a check with the given status and findings (record keys of
// table t; a key ending in "+" is covered by an acceptance in force).
func check(id, status string, keys ...string) results.Check {
	c := results.Check{ID: id, Status: status, Findings: []results.Finding{}}
	for _, k := range keys {
		k, accepted := strings.CutSuffix(k, "+")
		f := results.Finding{Key: id + "|t|" + k, Table: "t", RecordKey: k}
		if accepted {
			f.Acceptance = &results.FindingAcceptance{ID: "A1", Status: results.AcceptanceAccepted, ExpiresOn: "2026-12-31"}
		}
		c.Findings = append(c.Findings, f)
	}
	return c
}

func runOf(asOf string, checks ...results.Check) *results.Run {
	return &results.Run{SchemaVersion: results.SchemaVersion, Tool: results.Tool{Name: "avgaudit", Version: "0.1.0"},
		AsOf: asOf, Checks: checks}
}

// trends lists per check the findings' keys with their trend, and the
// resolved ones.
func trends(r *results.Run) map[string][]string {
	out := map[string][]string{}
	for _, c := range r.Checks {
		l := []string{}
		for _, f := range c.Findings {
			l = append(l, f.RecordKey+" "+f.Trend)
		}
		for _, f := range c.Resolved {
			l = append(l, f.RecordKey+" "+f.Trend)
		}
		out[c.ID] = l
	}
	return out
}

func TestCompare(t *testing.T) {
	const F, P, N = results.StatusFindings, results.StatusPassed, results.StatusNotRun
	previous := runOf("2026-09-01",
		check("ran_both", F, "K1", "K2", "K3+"),
		check("not_run_now", F, "K1"),
		check("not_run_then", N),
		check("gone_now", F, "K1"),
		check("all_fixed", F, "K1+"),
	)
	current := runOf("2027-09-01",
		check("ran_both", F, "K2", "K3", "K4"),
		check("not_run_now", N),
		check("not_run_then", F, "K1"),
		check("new_check", F, "K1"),
		check("all_fixed", P),
	)
	if err := trend.Compare(current, previous, nil); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"ran_both":     {"K2 persisting", "K3 persisting", "K4 new", "K1 resolved"},
		"not_run_now":  {},              // not called resolved
		"not_run_then": {"K1 "},         // no trend: unknown whether it is new
		"new_check":    {"K1 "},         // idem
		"all_fixed":    {"K1 resolved"}, // also a finding that was accepted
	}
	if diff := cmp.Diff(want, trends(current)); diff != "" {
		t.Errorf("trends (-want +got):\n%s", diff)
	}
	wantCounts := map[string]*results.CheckCounts{
		"ran_both":     {Status: F, Findings: 3, Open: 2},
		"not_run_now":  {Status: F, Findings: 1, Open: 1},
		"not_run_then": {Status: N},
		"new_check":    nil,
		"all_fixed":    {Status: F, Findings: 1, Open: 0},
	}
	for _, c := range current.Checks {
		if diff := cmp.Diff(wantCounts[c.ID], c.Previous); diff != "" {
			t.Errorf("%s: previous counts (-want +got):\n%s", c.ID, diff)
		}
		if c.Resolved == nil {
			t.Errorf("%s: Resolved is nil, want an empty list", c.ID)
		}
	}
	if r := current.Checks[4].Resolved[0]; r.Acceptance != nil {
		t.Errorf("a resolved finding keeps last year's acceptance: %+v", r.Acceptance)
	}
	wantPrev := &results.PreviousRun{SchemaVersion: results.SchemaVersion, AsOf: "2026-09-01", Tool: results.Tool{Name: "avgaudit", Version: "0.1.0"}}
	if diff := cmp.Diff(wantPrev, current.Previous); diff != "" {
		t.Errorf("run.Previous (-want +got):\n%s", diff)
	}
	current.Summarise()
	if s := current.Summary; s.New != 1 || s.Persisting != 2 || s.Resolved != 2 {
		t.Errorf("summary new %d, persisting %d, resolved %d; want 1, 2, 2", s.New, s.Persisting, s.Resolved)
	}
}

// pseudonymised turns run into what a risk report holds: record keys
// replaced with pseudonyms under p.
func pseudonymised(run *results.Run, p *pseudonym.Pseudonymiser) *results.Run {
	out := *run
	out.Pseudonymisation = &results.Pseudonymisation{Method: pseudonym.Method, KeyID: p.KeyID()}
	out.Checks = nil
	for _, c := range run.Checks {
		fs := []results.Finding{}
		for _, f := range c.Findings {
			f.Key = p.FindingKey(c.ID, f)
			f.RecordKey = p.Of(f.Table, f.RecordKey)
			fs = append(fs, f)
		}
		c.Findings = fs
		out.Checks = append(out.Checks, c)
	}
	return &out
}

func TestComparePseudonymised(t *testing.T) {
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	other, err := pseudonym.New([]byte("another key, also long enough"))
	if err != nil {
		t.Fatal(err)
	}
	lastYear := check("retention_admin", results.StatusFindings, "K1", "K2")
	// Two findings whose (masked) record keys coincide are numbered.
	lastYear.Findings = append(lastYear.Findings, results.Finding{Key: "retention_admin|t|K2#2", Table: "t", RecordKey: "K2"})
	previous := pseudonymised(runOf("2026-09-01", lastYear), p)

	thisYear := check("retention_admin", results.StatusFindings, "K2", "K3")
	thisYear.Findings = append(thisYear.Findings, results.Finding{Key: "retention_admin|t|K2#2", Table: "t", RecordKey: "K2"})
	current := runOf("2027-09-01", thisYear)
	if err := trend.Compare(current, previous, p); err != nil {
		t.Fatal(err)
	}
	resolved := p.Of("t", "K1")
	want := map[string][]string{"retention_admin": {"K2 persisting", "K3 new", "K2 persisting", resolved + " resolved"}}
	if diff := cmp.Diff(want, trends(current)); diff != "" {
		t.Errorf("trends (-want +got):\n%s", diff)
	}

	for _, tt := range []struct {
		name string
		p    *pseudonym.Pseudonymiser
		want string
	}{
		{"other key", other, "last year's results were pseudonymised with another key: use the same --pseudonym-key, or last year's resultaten-fg.json / the history file"},
		{"no key", nil, "last year's results have pseudonymised record keys, and no pseudonym key was given: use the --pseudonym-key of last year, or last year's resultaten-fg.json / the history file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := trend.Compare(runOf("2027-09-01", thisYear), previous, tt.p)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestCompareDates(t *testing.T) {
	for _, tt := range []struct{ previous, want string }{
		{"2027-09-01", "the previous results are as of 2027-09-01, not before this audit (as of 2027-09-01): compare with an earlier run"},
		{"2028-01-01", "the previous results are as of 2028-01-01, not before this audit (as of 2027-09-01): compare with an earlier run"},
		{"", `the previous results' as_of "" is not a date; is it a results file of avgaudit?`},
	} {
		err := trend.Compare(runOf("2027-09-01"), runOf(tt.previous), nil)
		if err == nil || err.Error() != tt.want {
			t.Errorf("previous as of %q: got %v\nwant %s", tt.previous, err, tt.want)
		}
	}
}

// TestCompareVersion1 compares with a results file of schema version 1,
// which results.Read converts.
func TestCompareVersion1(t *testing.T) {
	name := filepath.Join("testdata", "resultaten-2026.json")
	prev, err := trend.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	current := runOf("2027-09-01", check("retention_admin", results.StatusFindings, "K0107", "K0200"))
	current.Checks[0].Findings[0].Key = "retention_admin|admin_children|K0107"
	current.Checks[0].Findings[1].Key = "retention_admin|admin_children|K0200"
	if err := trend.Compare(current, prev.Run, nil); err != nil {
		t.Fatal(err)
	}
	prev.Identify(current)
	want := map[string][]string{"retention_admin": {"K0107 persisting", "K0200 new", "K0042 resolved"}}
	if diff := cmp.Diff(want, trends(current)); diff != "" {
		t.Errorf("trends (-want +got):\n%s", diff)
	}
	data, _ := os.ReadFile(name)
	sum := sha256.Sum256(data)
	wantPrev := &results.PreviousRun{File: "resultaten-2026.json", SHA256: hex.EncodeToString(sum[:]), SchemaVersion: 1,
		AsOf: "2026-09-01", Tool: results.Tool{Name: "avgaudit", Version: "0.1.0"}, Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)}
	if diff := cmp.Diff(wantPrev, current.Previous); diff != "" {
		t.Errorf("run.Previous (-want +got):\n%s", diff)
	}
}

// TestCompareLegacyPseudonyms compares with a risk report of an earlier
// avgaudit, whose pseudonyms were 12 hex digits, one of them broken by the
// old BSN masker ("P-ea*****3928b"): the same records persist, none is
// reported as new and resolved at once.
func TestCompareLegacyPseudonyms(t *testing.T) {
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	// legacy writes a pseudonym as avgaudit up to schema 2 did, and as its
	// masker left it.
	legacy := func(key string) string {
		ps := p.Of("t", key)
		h := hexOf(ps[len(pseudonym.Prefix):])
		return pseudonym.Prefix + nineDigits.ReplaceAllStringFunc(h, func(m string) string { return "*****" + m[5:] })
	}
	brokenKey := ""
	for i := 0; brokenKey == ""; i++ {
		if k := "K" + strings.Repeat("9", i%3) + string(rune('a'+i%26)) + strings.Repeat("x", i/26); strings.Contains(legacy(k), "*") {
			brokenKey = k
		}
	}
	lastYear := results.Check{ID: "retention_admin", Status: results.StatusFindings}
	for _, k := range []string{"K1", "K2", brokenKey} {
		lastYear.Findings = append(lastYear.Findings, results.Finding{Key: "retention_admin|t|" + legacy(k), Table: "t", RecordKey: legacy(k)})
	}
	previous := runOf("2026-09-01", lastYear)
	previous.Pseudonymisation = &results.Pseudonymisation{Method: pseudonym.Method, KeyID: p.KeyID()}

	current := runOf("2027-09-01", check("retention_admin", results.StatusFindings, "K2", brokenKey, "K3"))
	if err := trend.Compare(current, previous, p); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"retention_admin": {"K2 persisting", brokenKey + " persisting", "K3 new", p.Of("t", "K1") + " resolved"}}
	if diff := cmp.Diff(want, trends(current)); diff != "" {
		t.Errorf("trends (-want +got):\n%s", diff)
	}
	if k := current.Checks[0].Resolved[0].Key; k != "retention_admin|t|"+p.Of("t", "K1") {
		t.Errorf("resolved finding's key %q: want the current pseudonym", k)
	}
}

var nineDigits = regexp.MustCompile(`[0-9]{9}`)

// hexOf turns a pseudonym's letters back into the hex digits an earlier
// avgaudit wrote.
func hexOf(l string) string {
	const alphabet = "bcdfghjkmnpqrstz"
	b := []byte(l)
	for i, c := range b {
		b[i] = "0123456789abcdef"[strings.IndexByte(alphabet, c)]
	}
	return string(b)
}

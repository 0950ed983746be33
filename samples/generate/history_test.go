package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/results"
)

// TestResolvedAreGone requires the records planted in last year's exports
// only to be no finding this year: they are the trend's resolved ones.
// (generate itself requires last year's audit to report them.)
func TestResolvedAreGone(t *testing.T) {
	last, cur := lastYear(), build().expectedKeys()
	if len(last.resolved) < 5 {
		t.Fatalf("only %d resolved findings planted", len(last.resolved))
	}
	for _, k := range last.resolved {
		if _, ok := cur[k]; ok {
			t.Errorf("%s was planted as resolved but is expected this year", k)
		}
	}
	if !last.ref.Equal(prevAsOf) || len(last.Accepted) != 0 {
		t.Errorf("last year's organisation: ref %s, %d acceptances", last.ref, len(last.Accepted))
	}
}

// TestLastYearIsCut requires last year's exports to hold nothing dated
// after prevAsOf and the same ids as this year's for the records of both.
func TestLastYearIsCut(t *testing.T) {
	o, last := build(), lastYear()
	cut := prevAsOf.AddDate(0, 0, 1)
	for _, c := range last.Consents {
		if !c.Recorded.Before(cut) || !c.Withdrawn.Before(cut) {
			t.Errorf("consent %s/%d dated after %s", c.PC.ID, c.Type, isoDate(prevAsOf))
		}
	}
	for _, s := range last.Staff {
		if s.Start.After(prevAsOf) || s.End.After(prevAsOf) {
			t.Errorf("staff %s: %s–%s", s.ID, isoDate(s.Start), isoDate(s.End))
		}
	}
	ids := map[string]bool{}
	for _, c := range o.Children {
		ids[c.ID+" "+c.name()] = true
	}
	for _, c := range last.Children {
		if !ids[c.ID+" "+c.name()] {
			t.Errorf("last year's child %s (%s) is not this year's %s", c.ID, c.name(), c.ID)
		}
	}
}

// TestAcceptances requires the register to show each status the demo
// needs, approvers to be roles and the texts to name no one.
func TestAcceptances(t *testing.T) {
	o := build()
	var statuses []string
	for _, a := range o.Accepted {
		statuses = append(statuses, acceptanceStatus(a, o.ref, o.matched(a)))
		if !slices.Contains([]string{"Directeur", "Locatiemanager Molenwiek"}, a.ApprovedBy) {
			t.Errorf("%s %s: approved by %q, want a role", a.Check, a.Key, a.ApprovedBy)
		}
		if !slices.Contains(checkOrder, a.Check) {
			t.Errorf("%s: not a check of the catalogue", a.Check)
		}
		text := a.Justification + " " + a.Basis + " " + a.ApprovedBy
		for n := range o.usedNames {
			if strings.Contains(text, n) {
				t.Errorf("%s %s names %s", a.Check, a.Key, n)
			}
		}
		for _, s := range o.Staff {
			if strings.Contains(text, s.Last) {
				t.Errorf("%s %s names %s", a.Check, a.Key, s.Last)
			}
		}
	}
	for _, want := range []string{results.AcceptanceAccepted, results.AcceptanceExpired, results.AcceptanceStale} {
		if !slices.Contains(statuses, want) {
			t.Errorf("no acceptance is %s: %v", want, statuses)
		}
	}
	for _, tt := range []struct {
		pattern, key string
		want         bool
	}{
		{"FAC-2018-*", "FAC-2018-00002", true},
		{"FAC-2018-*", "FAC-2017-00001", false},
		{"", "x", true},
		{"*", "a/b", true},
		{"K00??", "K0012", true},
		{"K00??", "K012", false},
		{"a.b", "axb", false},
	} {
		if got := keyPattern(tt.pattern).MatchString(tt.key); got != tt.want {
			t.Errorf("keyPattern(%q) on %q = %v", tt.pattern, tt.key, got)
		}
	}
}

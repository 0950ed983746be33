package acceptance

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/avgaudit/avgaudit/results"
)

// Apply applies the register entries to run as of asOf. It sets
// run.Acceptances (one per entry, in register order, with ids A1, A2, ...,
// status and the number of findings matched) and Finding.Acceptance of every
// finding an entry in force or an expired entry matches.
//
// An entry is pending when it was approved after asOf (it is not applied),
// expired when it expired before asOf (its findings stay open and are marked
// with the expired acceptance), and otherwise in force: accepted when it
// matches a finding, stale when it matches none of a check that ran. Both
// dates are inclusive: an entry approved on or expiring on asOf is in force.
// An entry in force for a check that did not run (no data, an error, or not
// selected) stays accepted with nothing matched: whether it is stale cannot
// be told.
//
// When several entries match one finding, an entry in force wins over an
// expired one, then the one expiring last, then the first in the register.
// The error is the findings store's (results.Check.Update).
func Apply(run *results.Run, entries []Entry, asOf time.Time) error {
	run.Acceptances = make([]results.Acceptance, len(entries))
	ran := map[string]bool{}
	for _, c := range run.Checks {
		ran[c.ID] = c.Ran()
	}
	for i, e := range entries {
		run.Acceptances[i] = results.Acceptance{
			ID:            fmt.Sprintf("A%d", i+1),
			Source:        e.Source,
			CheckID:       e.CheckID,
			RecordKey:     e.RecordKey,
			Justification: e.Justification,
			LegalBasis:    e.LegalBasis,
			ApprovedBy:    e.ApprovedBy,
			ApprovedOn:    e.ApprovedOn.Format(time.DateOnly),
			ExpiresOn:     e.ExpiresOn.Format(time.DateOnly),
			Status:        statusOn(e, asOf),
		}
	}
	for ci := range run.Checks {
		c := &run.Checks[ci]
		if c.NFindings() == 0 {
			continue
		}
		err := c.Update(func(f *results.Finding) {
			f.Acceptance = nil
			best := -1
			for i, e := range entries {
				if e.CheckID != c.ID || !Matches(e.RecordKey, f.RecordKey) {
					continue
				}
				run.Acceptances[i].Matched++
				if run.Acceptances[i].Status != results.AcceptancePending && better(run.Acceptances, entries, i, best) {
					best = i
				}
			}
			if best >= 0 {
				a := run.Acceptances[best]
				f.Acceptance = &results.FindingAcceptance{ID: a.ID, Status: a.Status, ExpiresOn: a.ExpiresOn}
			}
		})
		if err != nil {
			return err
		}
	}
	for i := range run.Acceptances {
		a := &run.Acceptances[i]
		if a.Status == results.AcceptanceAccepted && a.Matched == 0 && ran[a.CheckID] {
			a.Status = results.AcceptanceStale
		}
	}
	return nil
}

// statusOn is the entry's status on asOf before matching: pending, expired
// or accepted (in force).
func statusOn(e Entry, asOf time.Time) string {
	switch {
	case e.ApprovedOn.After(asOf):
		return results.AcceptancePending
	case e.ExpiresOn.Before(asOf):
		return results.AcceptanceExpired
	}
	return results.AcceptanceAccepted
}

// better reports whether entry i should cover a finding rather than entry
// best (-1: none yet). Entries are scanned in register order, so on a tie
// the earlier one stays.
func better(acc []results.Acceptance, entries []Entry, i, best int) bool {
	if best < 0 {
		return true
	}
	inForce := func(k int) bool { return acc[k].Status == results.AcceptanceAccepted }
	if inForce(i) != inForce(best) {
		return inForce(i)
	}
	return entries[i].ExpiresOn.After(entries[best].ExpiresOn)
}

// Matches reports whether a register entry's record pattern covers the
// record key of a finding. An empty pattern or "*" covers every key; in a
// pattern, * stands for any run of characters (also "/", which record keys
// of photos and links contain: "F0012/*") and ? for exactly one character.
// Spaces around the pattern are ignored; the comparison is case-sensitive,
// as record keys are.
func Matches(pattern, key string) bool {
	pattern = strings.TrimSpace(pattern)
	if pattern == "" {
		return true
	}
	return glob(pattern, key)
}

// glob matches * and ? with backtracking over the last star only, which is
// linear enough for record keys and never exponential.
func glob(pattern, s string) bool {
	p, k := 0, 0
	star, mark := -1, 0
	for k < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, k
			p++
		case p < len(pattern) && pattern[p] == '?':
			_, n := utf8.DecodeRuneInString(s[k:])
			p, k = p+1, k+n
		case p < len(pattern) && pattern[p] == s[k]:
			p, k = p+1, k+1
		case star >= 0:
			_, n := utf8.DecodeRuneInString(s[mark:])
			mark += n
			p, k = star+1, mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

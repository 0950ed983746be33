// Package trend compares an audit run with an earlier one (last year's
// results) and keeps the history of runs that the comparison reads.
//
// Findings are compared by their stable key (check id, table, record key).
// A finding of this run is new or persisting; a finding of the earlier run
// that is gone is resolved. Only checks that ran in both runs are compared:
// a check that did not run (now or then) says nothing about what changed.
package trend

import (
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

// Compare marks current against previous: Finding.Trend of every finding
// of a check that ran in both runs, Check.Resolved (the previous findings
// of such a check that are gone, marked resolved), Check.Previous (the
// check's counts in previous, when it was in it) and run.Previous (without
// File and SHA256, which only the caller knows; see Previous.Identify).
//
// Findings of a check that did not run in one of the runs get no trend and
// are never called resolved; a check of the previous run that is not in
// the current one at all is left out.
//
// When previous is pseudonymised (its record keys are pseudonyms, as in a
// risk report), the current keys are pseudonymised with p before comparing;
// p must be the key previous was made with.
func Compare(current, previous *results.Run, p *pseudonym.Pseudonymiser) error {
	if err := compatible(current, previous, p); err != nil {
		return err
	}
	key := func(c *results.Check, f *results.Finding) string { return f.Key }
	pseudonymised := previous.Pseudonymisation != nil
	if pseudonymised {
		key = func(c *results.Check, f *results.Finding) string { return p.FindingKey(c.ID, *f) }
	}
	before := map[string]*results.Check{}
	for i := range previous.Checks {
		before[previous.Checks[i].ID] = &previous.Checks[i]
	}
	for i := range current.Checks {
		c := &current.Checks[i]
		c.Resolved = []results.Finding{}
		c.Previous = nil
		prev := before[c.ID]
		if prev == nil || !c.Ran() || !prev.Ran() {
			if err := c.Update(func(f *results.Finding) { f.Trend = "" }); err != nil {
				return err
			}
		}
		if prev == nil {
			continue
		}
		c.Previous = counts(prev)
		if !c.Ran() || !prev.Ran() {
			continue
		}
		if pseudonymised {
			prev = upgraded(c, prev, key)
		}
		if err := compareCheck(c, prev, key); err != nil {
			return err
		}
	}
	current.Previous = &results.PreviousRun{
		SchemaVersion: previous.SchemaVersion,
		AsOf:          previous.AsOf,
		Tool:          previous.Tool,
		Date:          previous.Date,
	}
	return nil
}

// compareCheck marks the findings of c against those of prev. Only the
// keys of prev are held: c's findings may be many more.
func compareCheck(c, prev *results.Check, key func(*results.Check, *results.Finding) string) error {
	then := map[string]bool{} // prev's keys; true once a finding of c has it
	for j := range prev.Findings {
		then[prev.Findings[j].Key] = false
	}
	err := c.Update(func(f *results.Finding) {
		k := key(c, f)
		f.Trend = results.TrendNew
		if _, ok := then[k]; ok {
			f.Trend = results.TrendPersisting
			then[k] = true
		}
	})
	if err != nil {
		return err
	}
	for _, f := range prev.Findings {
		if !then[f.Key] {
			f.Trend = results.TrendResolved
			f.Acceptance = nil // last year's acceptance says nothing about this run
			c.Resolved = append(c.Resolved, f)
		}
	}
	return nil
}

// upgraded returns a copy of prev, a check of a pseudonymised earlier run,
// with its pseudonyms written as this avgaudit writes them: the 12 hex
// digits of an earlier version become letters (pseudonym.Upgrade), and a
// pseudonym the old BSN masker broke is matched with the finding of c it
// was (pseudonym.Repair). Without this, each such record would be counted
// as a new finding and a resolved one.
func upgraded(c, prev *results.Check, key func(*results.Check, *results.Finding) string) *results.Check {
	out := *prev
	out.Findings = make([]results.Finding, len(prev.Findings))
	var current []string
	for j, f := range prev.Findings {
		f.Key, f.RecordKey = pseudonym.Upgrade(f.Key), pseudonym.Upgrade(f.RecordKey)
		if pseudonym.Broken(f.Key) {
			if current == nil {
				l := c.List()
				for k := range l.Len() {
					f := l.At(k)
					current = append(current, key(c, &f))
				}
			}
			if k, ok := pseudonym.Repair(f.Key, current); ok {
				f.Key = k
				if i := strings.LastIndexByte(k, '|'); i >= 0 && pseudonym.Broken(f.RecordKey) {
					f.RecordKey, _, _ = strings.Cut(k[i+1:], "#")
				}
			}
		}
		out.Findings[j] = f
	}
	return &out
}

// compatible checks that previous can be compared with current.
func compatible(current, previous *results.Run, p *pseudonym.Pseudonymiser) error {
	now, err := time.Parse(time.DateOnly, current.AsOf)
	if err != nil {
		return vocab.Errorf("de as_of %q van deze run is geen datum", "this run's as_of %q is not a date", current.AsOf)
	}
	return CanCompare(now, previous, p)
}

// CanCompare tells, before an audit as of asOf is run, whether Compare
// will accept previous: it must be of an earlier date and, when it is
// pseudonymised, p must hold the same key.
func CanCompare(now time.Time, previous *results.Run, p *pseudonym.Pseudonymiser) error {
	then, err := time.Parse(time.DateOnly, previous.AsOf)
	if err != nil {
		return vocab.Errorf("de as_of %q van de vorige resultaten is geen datum; is het een resultatenbestand van avgaudit?", "the previous results' as_of %q is not a date; is it a results file of avgaudit?", previous.AsOf)
	}
	if !then.Before(now) {
		return vocab.Errorf("de vorige resultaten hebben peildatum %s, niet eerder dan deze audit (peildatum %s): vergelijk met een eerdere run",
			"the previous results are as of %s, not before this audit (as of %s): compare with an earlier run",
			previous.AsOf, now.Format(time.DateOnly))
	}
	ps := previous.Pseudonymisation
	switch {
	case ps == nil:
		return nil
	case p == nil:
		return vocab.Errorf("de resultaten van vorig jaar hebben gepseudonimiseerde sleutels, en er is geen pseudoniemsleutel gegeven: gebruik de --pseudonym-key van vorig jaar, of de resultaten-fg.json / het historiebestand van vorig jaar", "last year's results have pseudonymised record keys, and no pseudonym key was given: use the --pseudonym-key of last year, or last year's resultaten-fg.json / the history file")
	case p.KeyID() != ps.KeyID:
		return vocab.Errorf("de resultaten van vorig jaar zijn met een andere sleutel gepseudonimiseerd: gebruik dezelfde --pseudonym-key, of de resultaten-fg.json / het historiebestand van vorig jaar", "last year's results were pseudonymised with another key: use the same --pseudonym-key, or last year's resultaten-fg.json / the history file")
	}
	return nil
}

// counts is a check's outcome in numbers.
func counts(c *results.Check) *results.CheckCounts {
	return &results.CheckCounts{Status: c.Status, Findings: c.NFindings(), Open: c.OpenFindings()}
}

// Package acceptance reads the accepted-risk register and applies it to an
// audit run. The register lists findings the organisation knowingly accepts
// (a check, a record key or a pattern, why, on what legal basis, who approved
// it and until when). It is a YAML file or a sheet of the registers workbook
// (the canonical table accepted_risks); see docs/accepted-risks.md.
//
// A register entry in force covers the findings it matches: they are shown
// as accepted and not counted as open. An expired entry covers nothing, and
// its findings are reported as open with the expired acceptance named; an
// entry in force that matches nothing is stale; an entry approved after the
// as-of date is pending and not applied.
package acceptance

import (
	"github.com/avgaudit/avgaudit/vocab"
	"strings"
	"time"
)

// Entry is one validated entry of the accepted-risk register.
type Entry struct {
	// Source says where the entry was read, for messages and reports:
	// "geaccepteerde-risicos.yaml:12" or
	// "registers/registers.xlsx [Geaccepteerde risico's] row 4".
	Source    string
	CheckID   string
	RecordKey string // a key, or a pattern with * and ?; "" or "*" = every finding of the check
	// Justification, LegalBasis and ApprovedBy are the register's own words.
	Justification string
	LegalBasis    string
	ApprovedBy    string
	ApprovedOn    time.Time
	ExpiresOn     time.Time
}

// Error lists every problem found in a register, each naming where it is,
// so that all of them can be fixed in one go.
type Error struct {
	Problems []error
}

func (e *Error) Error() string { return e.In("en") }

// In is the message in lang: a line per problem.
func (e *Error) In(lang string) string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = vocab.Message(p, lang)
	}
	head := vocab.Text{NL: "het register van geaccepteerde risico's heeft 1 fout (zie docs/accepted-risks.md):",
		EN: "the accepted-risk register has 1 error (see docs/accepted-risks.md):"}
	if len(lines) > 1 {
		head = vocab.Textf("het register van geaccepteerde risico's heeft %d fouten (zie docs/accepted-risks.md):",
			"the accepted-risk register has %d errors (see docs/accepted-risks.md):", vocab.Count(len(lines)))
	}
	return head.In(lang) + "\n" + strings.Join(lines, "\n")
}

// Unwrap returns the problems.
func (e *Error) Unwrap() []error { return e.Problems }

// errorOf returns nil for no problems, else an *Error holding them.
func errorOf(problems []error) error {
	if len(problems) == 0 {
		return nil
	}
	return &Error{Problems: problems}
}

// problem is a validation message about one key of an entry.
type problem struct {
	key string // the YAML key: check or expires_on
	msg vocab.Text
}

// validate checks what both register forms share: the check must exist
// and the entry may not expire before it was approved. checks lists the
// known check ids.
func (e *Entry) validate(checks map[string]bool) []problem {
	var msgs []problem
	if e.CheckID != "" && !checks[e.CheckID] {
		msg := vocab.Textf("controle %q bestaat niet", "check %q does not exist", e.CheckID)
		if s := closest(e.CheckID, checks); s != "" {
			msg = msg.Plus(vocab.Textf(" (bedoel je %q?)", " (did you mean %q?)", s))
		}
		msgs = append(msgs, problem{"check", msg.Plus(vocab.Text{NL: "; `avgaudit checks` toont de controles", EN: "; `avgaudit checks` lists the check ids"})})
	}
	if !e.ApprovedOn.IsZero() && !e.ExpiresOn.IsZero() && e.ExpiresOn.Before(e.ApprovedOn) {
		msgs = append(msgs, problem{"expires_on", vocab.Textf("het verloopt op %s, voordat het werd goedgekeurd op %s; zijn de twee datums verwisseld?",
			"it expires on %s, before it was approved on %s; are the two dates swapped?",
			e.ExpiresOn.Format(time.DateOnly), e.ApprovedOn.Format(time.DateOnly))})
	}
	return msgs
}

// Known makes the set of known check ids that validation compares with.
func Known(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// closest returns the known id nearest to id when it is a likely typo
// (at most two edits away), else "".
func closest(id string, known map[string]bool) string {
	best, bestDist := "", 3
	for k := range known {
		d := distance(id, k)
		if d < bestDist || d == bestDist && k < best {
			best, bestDist = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes (check
// ids are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

package audience

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

// Risk prepares run for the annual risk analysis. It returns a copy in
// which every record key is replaced by its pseudonym under p (and every
// finding key by check|table|pseudonym), and every text that can hold
// personal data — finding messages, values and file names, rejected rows,
// the accepted-risk register, reasons a check failed — has the run's
// identifiers and any e-mail address or IBAN replaced by a marker (see
// Markers). Rejected input values are removed whole: a rejected row's
// values were never loaded, so its names are not among the identifiers.
// The resolved findings of the previous run keep no values for the same
// reason. The copy has no Identifiers, and its findings name no child
// (results.Finding.ChildName). p must not be nil.
//
// The findings are not copied: the view shows each one so as a reporter
// reads it (see Detailed.Run).
func Risk(run *results.Run, p *pseudonym.Pseudonymiser) Detailed {
	out, sc := riskRun(run, p)
	m := &memo{texts: map[[2]string]string{}}
	return prepare(out, results.AudienceRisk, func(c *results.Check, f results.Finding, resolved bool) results.Finding {
		return riskShow(c, f, resolved, p, sc, m)
	})
}

// memo remembers the scrubbed forms of the file names and values that
// many findings repeat (a report shows each finding more than once:
// the workbook measures its columns before it writes them).
type memo struct {
	mu    sync.Mutex
	texts map[[2]string]string // {column or "\x00file", text} → scrubbed
}

// maxMemo bounds the memo: values beyond it are scrubbed each time.
const maxMemo = 1 << 16

// get returns fn(text), remembered under kind.
func (m *memo) get(kind, text string, fn func() string) string {
	k := [2]string{kind, text}
	m.mu.Lock()
	v, ok := m.texts[k]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = fn()
	m.mu.Lock()
	if len(m.texts) < maxMemo {
		m.texts[k] = v
	}
	m.mu.Unlock()
	return v
}

// riskShow is a finding of check c as the risk analysis shows it. The
// resolved findings of the previous run keep no values.
func riskShow(c *results.Check, f results.Finding, resolved bool, p *pseudonym.Pseudonymiser, sc *Scrubber, m *memo) results.Finding {
	f.Values = slices.Clone(f.Values) // the run's own; changed below
	riskFinding(&f, c, p, sc, m)
	if resolved {
		for k := range f.Values {
			f.Values[k] = ""
		}
	}
	return f
}

// riskRun is the run of Risk but its findings, which it shares with run,
// and the scrubber of run's identifiers.
func riskRun(run *results.Run, p *pseudonym.Pseudonymiser) (*results.Run, *Scrubber) {
	out := viewCopy(run)
	out.Audience = results.AudienceRisk
	out.Pseudonymisation = &results.Pseudonymisation{Method: pseudonym.Method, KeyID: p.KeyID()}
	sc := NewScrubber(run.Identifiers)
	out.Identifiers = nil
	for i := range out.Checks {
		c := &out.Checks[i]
		if c.Reason != nil {
			*c.Reason = sc.Texts(*c.Reason)
		}
		for j := range c.Warnings {
			c.Warnings[j] = sc.Texts(c.Warnings[j])
		}
	}
	riskAcceptances(out, run, p, sc)
	for i := range out.Rejects {
		riskReject(&out.Rejects[i], sc)
	}
	for i := range out.Inputs {
		in := &out.Inputs[i]
		in.File, in.Sheet = sc.Text(in.File, "nl"), sc.Text(in.Sheet, "nl")
		for j := range in.SkippedColumns {
			in.SkippedColumns[j] = sc.Text(in.SkippedColumns[j], "nl")
		}
		for j := range in.NeededColumns { // "bsn (an export header?)"
			in.NeededColumns[j] = sc.Text(in.NeededColumns[j], "nl")
		}
		for j := range in.LinkWarnings { // examples of ids
			in.LinkWarnings[j] = sc.Texts(in.LinkWarnings[j])
		}
	}
	if out.Previous != nil {
		out.Previous.File = sc.Text(out.Previous.File, "nl")
	}
	return out, sc
}

// FG prepares run for the data protection officer's spot check: a copy
// with every detail. BSNs are masked by the reporters, as for every
// audience.
//
// Messages and values keep their words (free text from the exports too,
// see model.Column.FreeText), with BSNs, phone numbers and postcodes in
// any form masked (values.MaskContactsInText): the FG needs to find the
// record, not to call anyone.
func FG(run *results.Run) Detailed {
	out := viewCopy(run)
	out.Audience = results.AudienceFG
	return prepare(out, results.AudienceFG, fgShow)
}

// fgShow is a finding as the FG's spot check shows it.
func fgShow(_ *results.Check, f results.Finding, _ bool) results.Finding {
	m := values.MaskContactsInText
	f.Message = results.Text{NL: m(f.Message.NL), EN: m(f.Message.EN)}
	f.Values = mapCopy(f.Values, m)
	return f
}

func riskFinding(f *results.Finding, c *results.Check, p *pseudonym.Pseudonymiser, sc *Scrubber, m *memo) {
	f.Key = p.FindingKey(c.ID, *f)
	f.ChildName = "" // the FG's only
	if !pseudonym.IsPseudonym(f.RecordKey) && f.RecordKey != "" {
		f.RecordKey = p.Of(f.Table, f.RecordKey)
	}
	file := f.File
	f.File = m.get("\x00file", file, func() string { return sc.Text(file, "nl") })
	// A message a check built from free text quotes it: that part goes too.
	for i, v := range f.Values {
		if i < len(c.Columns) && model.IsFreeText(f.Table, c.Columns[i]) && strings.TrimSpace(v) != "" {
			f.Message.NL = strings.ReplaceAll(f.Message.NL, v, Markers["free_text"].NL)
			f.Message.EN = strings.ReplaceAll(f.Message.EN, v, Markers["free_text"].EN)
		}
	}
	f.Message = sc.Texts(f.Message)
	for i := range f.Values {
		column := ""
		if i < len(c.Columns) {
			column = c.Columns[i]
		}
		if model.IsFreeText(f.Table, column) && f.Values[i] != "" {
			f.Values[i] = Markers["free_text"].NL
			continue
		}
		v := f.Values[i]
		f.Values[i] = m.get(column, v, func() string { return sc.Value(v, column) })
	}
}

// riskAcceptances pseudonymises the record key of each register entry that
// names one finding exactly (by the table of the finding it matches) and
// scrubs the rest: patterns, justifications, who approved.
// acceptanceTable is the table a register key of no finding is
// pseudonymised under.
const acceptanceTable = "accepted_risks"

func riskAcceptances(out, run *results.Run, p *pseudonym.Pseudonymiser, sc *Scrubber) {
	// check id + "\x00" + record key → table, of the keys the register
	// names exactly: a map of every finding's would be as large as the run.
	tables, found, checks := map[string]string{}, map[string]bool{}, map[string]bool{}
	for _, a := range out.Acceptances {
		if !strings.ContainsAny(a.RecordKey, "*?") {
			tables[a.CheckID+"\x00"+a.RecordKey] = ""
			checks[a.CheckID] = true
		}
	}
	for _, c := range run.Checks {
		if !checks[c.ID] {
			continue
		}
		l := c.List()
		for j := range l.Len() {
			f := l.At(j)
			k := c.ID + "\x00" + f.RecordKey
			if _, ok := tables[k]; ok {
				tables[k], found[k] = f.Table, true
			}
		}
	}
	for i := range out.Acceptances {
		a := &out.Acceptances[i]
		k := a.CheckID + "\x00" + a.RecordKey
		table, ok := tables[k], found[k]
		switch exact := !strings.ContainsAny(a.RecordKey, "*?"); {
		case exact && ok:
			a.RecordKey = p.Of(table, a.RecordKey)
		case exact && strings.ContainsAny(a.RecordKey, "0123456789@."):
			// A key of no finding (a stale entry) that looks like a number or
			// an account: the data no longer names it, so the scrubber does
			// not know it; pseudonymise it rather than show it.
			a.RecordKey = p.Of(acceptanceTable, a.RecordKey)
		default:
			a.RecordKey = sc.Text(a.RecordKey, "nl")
		}
		a.Source = sc.Text(a.Source, "nl")
		a.Justification = sc.Text(a.Justification, "nl")
		a.LegalBasis = sc.Text(a.LegalBasis, "nl")
		a.ApprovedBy = sc.Text(a.ApprovedBy, "nl")
	}
}

// riskReject removes the rejected value, also where the reason quotes it.
func riskReject(r *results.Reject, sc *Scrubber) {
	r.File, r.Sheet, r.Column = sc.Text(r.File, "nl"), sc.Text(r.Sheet, "nl"), sc.Text(r.Column, "nl")
	value := r.Value
	if value != "" {
		r.Value = Markers["removed"].NL
	}
	r.Reason = results.Text{
		NL: sc.Text(withoutValue(r.Reason.NL, value, Markers["removed"].NL), "nl"),
		EN: sc.Text(withoutValue(r.Reason.EN, value, Markers["removed"].EN), "en"),
	}
	if value != "" {
		r.Reason.NL = monthOfValue.ReplaceAllString(r.Reason.NL, Markers["removed"].NL)
		r.Reason.EN = monthOfValue.ReplaceAllString(r.Reason.EN, Markers["removed"].EN)
	}
}

// monthOfValue is what the reason for a date of a day its month does not
// have (values.ParseDate) tells of the value: "februari 2011 heeft 28
// dagen", "February 2011 has 28 days". Of a date of birth, that is the
// month and year.
var monthOfValue = regexp.MustCompile(`(?i)\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october) \d{1,4} (?:heeft|has) \d+ (?:dagen|days)\b`)

// withoutValue replaces value in reason, quoted or as whole words.
func withoutValue(reason, value, marker string) string {
	if strings.TrimSpace(value) == "" {
		return reason
	}
	reason = strings.ReplaceAll(reason, strconv.Quote(value), strconv.Quote(marker))
	if len([]rune(strings.TrimSpace(value))) < minLen {
		return reason
	}
	var locs [][]int
	for i := 0; ; {
		j := strings.Index(reason[i:], value)
		if j < 0 {
			break
		}
		locs = append(locs, []int{i + j, i + j + len(value)})
		i += j + len(value)
	}
	return replaceAt(reason, locs, func(m string) int { return len(m) }, marker)
}

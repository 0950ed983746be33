// Package reports writes the outcome of an audit run (a *results.Run) for
// its readers: resultaten.json for programs, rapport.xlsx and rapport.html
// for privacy officers. Each format is one Reporter; all of them take an
// io.Writer and leave files (temp file + rename) to the caller.
//
// Every reporter works on a prepared copy of the run (see prepare): nil
// slices become empty ones, the summary is recomputed from the checks and
// every value that came from the audited data passes through
// values.MaskBSNsInText, so a citizen service number that slipped past the
// loader is still not written out.
package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

// Options controls a report's language and audience.
type Options struct {
	// Lang is "nl" (the default when empty) or "en". It chooses every label,
	// title, why/fix text and the form of dates.
	Lang string
	// Audience is results.AudienceRisk (the default when empty),
	// results.AudienceFG or results.AudienceManagement (the management
	// summary of audience.Management: aggregates only, no personal data).
	// For risk and FG it chooses the report's title and how much of
	// each finding is shown: the risk analysis leaves out source files and
	// rows, the FG report shows everything needed to act, including the
	// findings that were resolved. The run itself must already be prepared
	// for the audience (package audience): a reporter shows what is there.
	Audience string
}

// Reporter writes a run in one format.
type Reporter interface {
	Write(w io.Writer, run *results.Run, opt Options) error
}

var (
	_ Reporter = JSONReporter{}
	_ Reporter = XLSXReporter{}
	_ Reporter = HTMLReporter{}
)

// labelsFor returns the labels of opt.Lang, or an error naming the
// languages there are.
func labelsFor(opt Options) (*labels, error) {
	switch opt.Lang {
	case "", "nl":
		return &labelsNL, nil
	case "en":
		return &labelsEN, nil
	}
	return nil, fmt.Errorf("unknown report language %q: want \"nl\" or \"en\"", opt.Lang)
}

// audienceOf returns the audience opt asks for, or an error naming the
// audiences these reporters write.
func audienceOf(opt Options) (string, error) {
	switch opt.Audience {
	case "", results.AudienceRisk:
		return results.AudienceRisk, nil
	case results.AudienceFG:
		return results.AudienceFG, nil
	}
	return "", fmt.Errorf("unknown report audience %q: want %q or %q", opt.Audience, results.AudienceRisk, results.AudienceFG)
}

// pick returns the text in the report's language, falling back to the other
// language when a check or finding has no translation.
func (l *labels) pick(t results.Text) string {
	if l.Lang == "en" {
		if t.EN != "" {
			return t.EN
		}
		return t.NL
	}
	if t.NL != "" {
		return t.NL
	}
	return t.EN
}

// date writes an as-of date (YYYY-MM-DD) the way a reader of the language
// expects it: "1 september 2026" or "1 September 2026". A value that is not
// such a date is written as it is rather than hidden.
func (l *labels) date(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d %s %d", d.Day(), l.Months[d.Month()-1], d.Year())
}

// shortDate writes a date (YYYY-MM-DD) in the short form of the language,
// for tables: "01-09-2026" or "2026-09-01". A value that is not such a date
// is written as it is.
func (l *labels) shortDate(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return d.Format(l.ShortDateLayout)
}

// percent writes part of whole as a percentage with at most one decimal,
// in the language's form: "5%", "1,7%" or "1.7%", "<0,1%" for a share too
// small to show, and "" when whole is 0 (no share to speak of).
func (l *labels) percent(part, whole int) string {
	if whole <= 0 {
		return ""
	}
	p := float64(part) * 100 / float64(whole)
	if p > 0 && p < 0.05 {
		return "<" + l.decimal(0.1) + "%"
	}
	return l.decimal(p) + "%"
}

// decimal writes f rounded to one decimal, without a trailing ",0", with
// the language's decimal separator.
func (l *labels) decimal(f float64) string {
	s := strings.TrimSuffix(strconv.FormatFloat(f, 'f', 1, 64), ".0")
	if l.Lang == "nl" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// affected writes how many records of the population a check found open:
// "12 van 240 (5%)", or only the count when the population is not known.
func (l *labels) affected(r *results.Risk) string {
	if r == nil {
		return ""
	}
	if r.Population <= 0 {
		return strconv.Itoa(r.Affected)
	}
	return fmt.Sprintf(l.AffectedOf, r.Affected, r.Population, l.percent(r.Affected, r.Population))
}

// level names a risk level; an unknown one is shown as it is.
func (l *labels) level(lv string) string {
	if s, ok := l.Level[lv]; ok {
		return s
	}
	return lv
}

// trend names a finding's trend mark; "" without a previous run.
func (l *labels) trend(t string) string {
	if s, ok := l.Trend[t]; ok {
		return s
	}
	return t
}

// acceptanceStatus names an accepted-risk register entry's status.
func (l *labels) acceptanceStatus(st string) string {
	if s, ok := l.AcceptanceStatus[st]; ok {
		return s
	}
	return st
}

// findingAcceptance says how the accepted-risk register applies to a
// finding: "geaccepteerd (A1, tot 30-06-2027)", "verlopen (A2, op
// 30-06-2026)", or "" when no entry matches it.
func (l *labels) findingAcceptance(a *results.FindingAcceptance) string {
	if a == nil {
		return ""
	}
	switch a.Status {
	case results.AcceptanceAccepted:
		return fmt.Sprintf(l.FindingAccepted, a.ID, l.shortDate(a.ExpiresOn))
	case results.AcceptanceExpired:
		return fmt.Sprintf(l.FindingExpired, a.ID, l.shortDate(a.ExpiresOn))
	}
	return l.acceptanceStatus(a.Status) + " (" + a.ID + ")"
}

// area names an area code: the catalogue's areas have a name in each
// language, a user check's own area is shown as it is and a check without
// one is under "overig".
func (l *labels) area(code string) string {
	if code == "" {
		return l.OtherArea
	}
	if s, ok := l.Areas[code]; ok {
		return s
	}
	return code
}

// orUnknown returns s, or the word for "unknown" when s is empty (a
// finding without a location or group).
func (l *labels) orUnknown(s string) string {
	if s == "" {
		return l.Unknown
	}
	return s
}

// severity names a severity; an unknown one is shown as it is.
func (l *labels) severity(sev string) string {
	if s, ok := l.Severity[sev]; ok {
		return s
	}
	return sev
}

// status describes a check's outcome, with the reason for a check that did
// not run or failed: "niet uitgevoerd: tabel kinderen ontbreekt".
func (l *labels) status(c results.Check) string {
	s, ok := l.Status[c.Status]
	if !ok {
		s = c.Status
	}
	if c.Reason != nil && (c.Status == results.StatusNotRun || c.Status == results.StatusError) {
		s += ": " + l.pick(*c.Reason)
	}

	return s
}

// columnHeadings heads a check's own columns in the report's language; a
// column without a label (an older results file) is headed by its name.
func (l *labels) columnHeadings(c results.Check) []string {
	out := make([]string, len(c.Columns))
	for i, name := range c.Columns {
		out[i] = name
		if i < len(c.ColumnLabels) {
			if s := l.pick(c.ColumnLabels[i]); s != "" {
				out[i] = s
			}
		}
	}
	return out
}

// values are a finding's values under c's columns (padded), with the codes
// of a built-in check (queries.CodeLabel) in words of the report's
// language: "toestemming geweigerd" for refused. The JSON keeps the codes.
func (l *labels) values(c results.Check, vs []string) []string {
	out := padded(vs, len(c.Columns))
	for i, v := range out {
		if t, ok := queries.CodeLabel(c.ID, c.Columns[i], v); ok {
			out[i] = l.pick(t)
		}
	}
	return out
}

// warnings lists a check's warnings in the report's language.
func (l *labels) warnings(c results.Check) []string {
	out := make([]string, len(c.Warnings))
	for i, w := range c.Warnings {
		out[i] = l.pick(w)
	}
	return out
}

// tool names the program and version that made the run.
func tool(t results.Tool) string {
	switch {
	case t.Name == "":
		return t.Version
	case t.Version == "":
		return t.Name
	}
	return t.Name + " " + t.Version
}

// severityCount is one severity with its number of findings.
type severityCount struct {
	Key   string // high, medium, ...
	Label string
	Count int
}

// severityCounts lists the findings per severity, most severe first, then
// any severity outside results.Severities in name order, so that no finding
// goes uncounted.
func (l *labels) severityCounts(s results.Summary) []severityCount {
	var out []severityCount
	known := map[string]bool{}
	for _, sev := range results.Severities {
		known[sev] = true
		out = append(out, severityCount{sev, l.severity(sev), s.BySeverity[sev]})
	}
	var extra []string
	for sev := range s.BySeverity {
		if !known[sev] {
			extra = append(extra, sev)
		}
	}
	sort.Strings(extra)
	for _, sev := range extra {
		out = append(out, severityCount{sev, l.severity(sev), s.BySeverity[sev]})
	}
	return out
}

// prepare returns a deep copy of run that every reporter can write as it is:
// no nil slices (JSON readers get [] rather than null), a summary that
// agrees with the checks, and data values masked with
// values.MaskBSNsInText. The caller's run is not changed.
//
// Masked are the values that come from the audited exports: finding keys,
// record keys, messages and values, locations and groups, reject values and
// reasons, the reasons of checks that failed (an SQL error can quote a
// value) and the written parts of the accepted-risk register. File
// names are masked too: an export named after a child's BSN is not unheard
// of. Hashes are not: a SHA-256 in hex can hold nine digits in a row.
func prepare(run *results.Run) *results.Run {
	m := values.MaskBSNsInText
	r := *run
	r.SchemaVersion = results.SchemaVersion
	r.Policy = make([]results.Param, len(run.Policy))
	copy(r.Policy, run.Policy)

	r.Inputs = make([]results.Input, len(run.Inputs))
	for i, in := range run.Inputs {
		in.File = m(in.File)
		in.Sheet = m(in.Sheet)
		in.SkippedColumns = mapStrings(in.SkippedColumns, m)
		if in.NeededColumns != nil {
			in.NeededColumns = mapStrings(in.NeededColumns, m)
		}
		r.Inputs[i] = in
	}

	r.Rejects = make([]results.Reject, len(run.Rejects))
	for i, rj := range run.Rejects {
		rj.File = m(rj.File)
		rj.Sheet = m(rj.Sheet)
		rj.Value = m(rj.Value)
		rj.Reason = maskText(rj.Reason)
		r.Rejects[i] = rj
	}

	r.Acceptances = make([]results.Acceptance, len(run.Acceptances))
	for i, a := range run.Acceptances {
		a.Source = m(a.Source)
		a.RecordKey = m(a.RecordKey)
		a.Justification = m(a.Justification)
		a.LegalBasis = m(a.LegalBasis)
		a.ApprovedBy = m(a.ApprovedBy)
		r.Acceptances[i] = a
	}
	if run.Previous != nil {
		p := *run.Previous
		p.File = m(p.File)
		r.Previous = &p
	}
	r.Checks = make([]results.Check, len(run.Checks))
	for i, c := range run.Checks {
		if c.Reason != nil {
			r := maskText(*c.Reason)
			c.Reason = &r
		}
		c.Columns = mapStrings(c.Columns, func(s string) string { return s })
		c.ColumnLabels = append([]results.Text{}, c.ColumnLabels...)
		c.Warnings = make([]results.Text, len(c.Warnings))
		for j, w := range run.Checks[i].Warnings {
			c.Warnings[j] = maskText(w)
		}
		c.Findings = maskFindings(c.Findings)
		c.Resolved = maskFindings(c.Resolved)
		r.Checks[i] = c
	}
	r.Summarise()
	return &r
}

// prepareFor is prepare for a report in the language of l: a risk analysis
// in English gets the English markers where language-neutral texts had
// personal values (see audience.EnglishMarkers).
func prepareFor(run *results.Run, l *labels) *results.Run {
	r := prepare(run)
	if l.Lang != "en" || r.Audience != results.AudienceRisk {
		return r
	}
	en := audience.EnglishMarkers.Replace
	for i := range r.Checks {
		for _, fs := range [][]results.Finding{r.Checks[i].Findings, r.Checks[i].Resolved} {
			for j := range fs {
				fs[j].File = en(fs[j].File)
				fs[j].Values = mapStrings(fs[j].Values, en)
			}
		}
	}
	for i := range r.Inputs {
		r.Inputs[i].File = en(r.Inputs[i].File)
	}
	for i := range r.Rejects {
		r.Rejects[i].File, r.Rejects[i].Value = en(r.Rejects[i].File), en(r.Rejects[i].Value)
	}
	for i := range r.Acceptances {
		a := &r.Acceptances[i]
		a.RecordKey, a.Source, a.Justification, a.LegalBasis, a.ApprovedBy = en(a.RecordKey), en(a.Source), en(a.Justification), en(a.LegalBasis), en(a.ApprovedBy)
	}
	return r
}

// maskFindings returns a non-nil copy of fs with BSNs masked in every value
// that came from the audited data.
func maskFindings(fs []results.Finding) []results.Finding {
	m := values.MaskBSNsInText
	out := make([]results.Finding, len(fs))
	for j, f := range fs {
		f.Key = m(f.Key)
		f.RecordKey = m(f.RecordKey)
		f.File = m(f.File)
		f.Location = m(f.Location)
		f.Group = m(f.Group)
		f.Message = maskText(f.Message)
		f.Values = mapStrings(f.Values, m)
		out[j] = f
	}
	return out
}

// maskText masks BSNs in both languages of t.
func maskText(t results.Text) results.Text {
	return results.Text{NL: values.MaskBSNsInText(t.NL), EN: values.MaskBSNsInText(t.EN)}
}

// mapStrings returns a new, non-nil slice with fn applied to each element.
func mapStrings(in []string, fn func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = fn(s)
	}
	return out
}

// padded returns vs cut or padded with empty strings to n elements, so that
// a finding with too few or too many values still fits its table.
func padded(vs []string, n int) []string {
	out := make([]string, n)
	copy(out, vs)
	return out
}

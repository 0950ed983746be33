// Package reports writes the outcome of an audit run (a *results.Run) for
// its readers: resultaten.json for programs, rapport.xlsx and rapport.html
// for privacy officers. Each format is one Reporter; all of them take an
// io.Writer and leave files (temp file + rename) to the caller.
//
// A reporter takes only what the audience package made for its audience:
// the detailed reporters (Reporter: JSONReporter, XLSXReporter,
// HTMLReporter) an audience.Detailed, made by audience.Risk or audience.FG,
// and the management reporters (ManagementReporter) an audience.Summary,
// made by audience.Management. A run that did not pass through the
// audience step cannot be handed to a report. Reporters do not know the
// audiences: what differs is told by the Detailed they are given.
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
)

// Options controls a report's language.
type Options struct {
	// Lang is "nl" (the default when empty) or "en". It chooses every label,
	// title, why/fix text and the form of dates.
	Lang string
	// Workbook is the name of the workbook written next to the HTML report;
	// the HTML names it under a check whose findings it shows only the
	// first of (see htmlRows).
	Workbook string
	// TmpDir holds excelize's temporary files; "" for the system's. A run
	// gives its private folder (package scratch).
	TmpDir string
	// Password, when set, encrypts the Excel report with it (excelize's
	// ECMA-376 agile encryption, which Excel and LibreOffice open with the
	// password). The other formats have no encryption. Never printed.
	Password string
}

// Reporter writes a run prepared for the risk analysis or the FG in one
// format. The Detailed says what the audience sees: the report's title,
// and whether findings show their source file and row and the resolved
// findings are listed.
type Reporter interface {
	Write(w io.Writer, d audience.Detailed, opt Options) error
}

// ManagementReporter writes the management summary in one format.
type ManagementReporter interface {
	Write(w io.Writer, s *audience.Summary, opt Options) error
}

var (
	_ Reporter           = JSONReporter{}
	_ Reporter           = XLSXReporter{}
	_ Reporter           = HTMLReporter{}
	_ ManagementReporter = ManagementJSONReporter{}
	_ ManagementReporter = ManagementXLSXReporter{}
	_ ManagementReporter = ManagementHTMLReporter{}
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

// maxListed is how many items of a long list (the skipped columns of an
// export) a report shows before "… and 9,990 more".
const maxListed = 10

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

// date writes an as-of date the way a reader of the language expects it:
// "1 september 2026" or "1 September 2026". Without a date (zero d) it
// writes what the results say, raw.
func (l *labels) date(d time.Time, raw string) string {
	if d.IsZero() {
		return raw
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
	return fmt.Sprintf(l.AffectedOf, l.Count(r.Affected), l.Count(r.Population), l.percent(r.Affected, r.Population))
}

// Count writes a whole number with the language's thousands separator:
// "1.823" in Dutch, "1,823" in English. Templates call it.
func (l *labels) Count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := "."
	if l.Lang == "en" {
		sep = ","
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
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

// padded returns vs cut or padded with empty strings to n elements, so that
// a finding with too few or too many values still fits its table.
func padded(vs []string, n int) []string {
	out := make([]string, n)
	copy(out, vs)
	return out
}

// titledRefs returns a function that names, in a check's why and fix, the
// other checks it refers to by their ids by their titles in the report's
// language instead: "meldt photo_without_consent" becomes "meldt „Foto in
// het ouderportaal zonder toestemming”" (“…” in English). The ids stay in
// the JSON.
func titledRefs(l *labels, checks []results.Check) func(string) string {
	var pairs []string
	open, close := "„", "”"
	if l.Lang == "en" {
		open, close = "“", "”"
	}
	for _, c := range checks {
		if t := l.pick(c.Title); t != "" && strings.Contains(c.ID, "_") {
			pairs = append(pairs, c.ID, open+t+close)
		}
	}
	if len(pairs) == 0 {
		return func(s string) string { return s }
	}
	return func(s string) string {
		if !strings.Contains(s, "_") {
			return s
		}
		out := s
		for i := 0; i < len(pairs); i += 2 {
			out = replaceWord(out, pairs[i], pairs[i+1])
		}
		return out
	}
}

// replaceWord replaces id in s where it stands as a whole word: not part
// of a longer id (photo_without_consent in photo_without_consent_2) or of
// a setting's name (retention.portal_months).
func replaceWord(s, id, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, id)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(id)
		before := i > 0 && isIDChar(s[i-1])
		after := end < len(s) && isIDChar(s[end])
		b.WriteString(s[:i])
		if before || after {
			b.WriteString(id)
		} else {
			b.WriteString(with)
		}
		s = s[end:]
	}
}

func isIDChar(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

package reports

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/vocab"
)

// mgmtText writes the management report's texts in one language.
type mgmtText struct {
	l *labels
	m *mgmtLabels
}

// mgmtTextFor returns the texts of opt.Lang, or the error of labelsFor.
func mgmtTextFor(opt Options) (*mgmtText, error) {
	l, err := labelsFor(opt)
	if err != nil {
		return nil, err
	}
	m := &mgmtNL
	if l.Lang == "en" {
		m = &mgmtEN
	}
	return &mgmtText{l: l, m: m}, nil
}

// countWords writes a count inside a sentence: "12", "fewer than 5",
// "between 15 and 27", "1.202" (in the language's digit grouping).
func (t *mgmtText) countWords(c audience.Count) string {
	switch {
	case c.Exact():
		return t.shown(c)
	case c.Shown == audience.Suppressed:
		return t.m.FewerThan5
	}
	return fmt.Sprintf(t.m.Between, t.num(c.Min), t.num(c.Max))
}

// num writes n with the language's thousands separator: 1.202, 1,202.
func (t *mgmtText) num(n int) string { return vocab.Count(n).In(t.l.Lang) }

// shown is a count as the reports show it ("12", "< 5", "15–27"), its
// numbers with the language's thousands separator (1.202, 1,202): the
// count's Shown, kept plain for the JSON, is for reading here.
func (t *mgmtText) shown(c audience.Count) string {
	switch {
	case c.Exact():
		return t.num(*c.Value)
	case c.Shown == audience.Suppressed || c.Max == 0:
		return c.Shown
	}
	return t.num(c.Min) + "–" + t.num(c.Max)
}

// percent writes a share in percent with one decimal and the language's
// decimal sign.
func (t *mgmtText) percent(p float64) string {
	s := strconv.FormatFloat(p, 'f', 1, 64)
	return fmt.Sprintf(t.m.Percent, strings.Replace(s, ".", t.m.DecimalSign, 1))
}

// plural picks the singular or plural form for n and fills in n.
func plural(n int, forms [2]string) string {
	return fmt.Sprintf(forms[pluralIndex(n)], n)
}

// word returns the label of key in names, or key itself when it has none.
func word(names map[string]string, key string) string {
	if s, ok := names[key]; ok {
		return s
	}
	return key
}

func (t *mgmtText) owner(o string) string {
	if o == "" {
		return t.m.NoOwner
	}
	return o
}

// upperFirst capitalises a sentence that starts with a word like "fewer".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// conclusion is the plain-language paragraph that opens the report: what
// was checked, what is open and how that compares with last time, the
// largest risk, the accepted risks and the data that could not be read. It
// uses the summary's shown figures only.
func (t *mgmtText) conclusion(s *audience.Summary) string {
	m, tt := t.m, s.Totals
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	if tt.ChecksRun == tt.Checks {
		add(m.ScopeAll, t.l.date(s.Date, s.AsOf), tt.Checks)
	} else {
		add(m.Scope, t.l.date(s.Date, s.AsOf), tt.ChecksRun, tt.Checks)
		out = append(out, plural(tt.ChecksNotRun, m.NotRun))
	}

	if tt.Open.Zero() {
		out = append(out, m.NoneOpen)
	} else {
		add(m.OpenSent[pluralIndex(tt.ChecksOpen)], tt.ChecksOpen, t.countWords(tt.Open))
	}
	if !tt.Recommendations.Zero() {
		add(m.RecommendSent, t.countWords(tt.Recommendations))
	}
	if tt.PreviousOpen != nil {
		// A previous total always has a direction (audience.Management).
		out = append(out, fmt.Sprintf(m.PrevOpen, t.l.date(s.PreviousDate, s.PreviousAsOf), t.countWords(*tt.PreviousOpen))+
			" "+word(m.TrendSentence, tt.Trend))
	} else {
		out = append(out, m.NoComparison)
	}

	if len(s.TopRisks) == 0 {
		out = append(out, m.NoRisk)
	} else {
		top := s.TopRisks[0]
		title, lvl, owner := t.l.pick(top.Title), word(m.Levels, top.Level), t.owner(top.Owner)
		if tt.HighRisks > 0 {
			add(m.RiskTop[pluralIndex(tt.HighRisks)], tt.HighRisks, title, lvl, owner)
		} else {
			add(m.RiskTopLow, title, lvl, owner)
		}
	}

	if !tt.Accepted.Zero() {
		out = append(out, upperFirst(fmt.Sprintf(m.AcceptedSent, t.countWords(tt.Accepted))))
	}
	if n := s.Acceptances.Expired; n > 0 {
		out = append(out, plural(n, m.ExpiredSent))
	}
	if n := s.Acceptances.Stale; n > 0 {
		out = append(out, plural(n, m.StaleSent))
	}
	if dq := s.DataQuality; !dq.RowsRejected.Zero() {
		out = append(out, upperFirst(fmt.Sprintf(m.RejectedSent, t.countWords(dq.RowsRejected), t.shown(dq.RowsRead))))
	}
	return strings.Join(out, " ")
}

func pluralIndex(n int) int {
	if n == 1 {
		return 0
	}
	return 1
}

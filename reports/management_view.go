package reports

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

// mgmtView is the management summary in one language, as the HTML page and
// the workbook show it: every text chosen, every count written. It is made
// from audience.Management's summary only, so it cannot hold more than the
// summary does.
type mgmtView struct {
	T            *mgmtText
	S            *audience.Summary
	Organisation string
	AsOf         string
	PreviousAsOf string // "" without a previous run
	Tool         string
	Conclusion   string

	Cards     []mgmtCard
	Areas     []mgmtArea
	AreaTotal mgmtArea
	TopRisks  []mgmtCheck
	Checks    []mgmtCheck
	Matrix    []mgmtMatrixRow
	Register  []mgmtPair
	Quality   []mgmtPair
	NotRun    []string

	LevelLegend  []mgmtLegend
	StatusLegend []mgmtLegend
	TrendLegend  []mgmtLegend
}

// mgmtCount is a count as a cell shows it: its text, and its number when
// the count is exact (so that a workbook cell holds a number).
type mgmtCount struct {
	Text string
	Num  *int
}

type mgmtCard struct {
	Class, Value, Label, Sub string
}

type mgmtArea struct {
	Name                          string
	Checks, Run, ChecksOpen       int
	Open, Accepted, Previous      mgmtCount
	Trend, TrendClass             string
	Level, LevelClass             string
	ChartNow, ChartPrev           float64 // where the chart draws Open and Previous
	ChartNowExact, ChartPrevExact bool
	ChartNowLabel, ChartPrevLabel string
	HasPrevious, NotRun           bool
}

type mgmtCheck struct {
	Rank                      int
	ID, Title, Area           string
	Severity, SevClass        string
	Status, StatusClass       string
	Open, Accepted, Previous  mgmtCount
	Trend, TrendClass         string
	Impact, Likelihood, Score string
	Level, LevelClass         string
	Owner                     string
}

type mgmtMatrixRow struct {
	Impact int
	Cells  []mgmtMatrixCell
}

type mgmtMatrixCell struct {
	Impact, Likelihood, Score int
	Level, LevelClass         string
	Count                     int
	CountLabel                string // "2 controles"; "" when empty
	Titles                    []string
}

type mgmtPair struct {
	Label string
	Value mgmtCount
}

type mgmtLegend struct {
	Class, Name, Desc string
}

// newMgmtView writes the summary s in opt's language.
func newMgmtView(s *audience.Summary, opt Options) (*mgmtView, error) {
	if s == nil {
		return nil, errNoSummary
	}
	t, err := mgmtTextFor(opt)
	if err != nil {
		return nil, err
	}
	l, m := t.l, t.m
	v := &mgmtView{
		T:            t,
		S:            s,
		Organisation: s.Organisation,
		AsOf:         l.date(s.Date, s.AsOf),
		Tool:         tool(s.Tool),
		Conclusion:   t.conclusion(s),
	}
	if s.PreviousAsOf != "" {
		v.PreviousAsOf = l.date(s.PreviousDate, s.PreviousAsOf)
	}
	v.cards()
	for _, a := range s.Areas {
		v.Areas = append(v.Areas, v.area(a.Name, a.Checks, a.ChecksRun, a.ChecksOpen, a.Open, a.Accepted, a.PreviousOpen, a.Trend, a.Level))
	}
	tt := s.Totals
	v.AreaTotal = v.area(results.Text{NL: m.Total, EN: m.Total}, tt.Checks, tt.ChecksRun, tt.ChecksOpen, tt.Open, tt.Accepted,
		tt.PreviousOpen, tt.Trend, tt.Level)
	for i, c := range s.TopRisks {
		v.TopRisks = append(v.TopRisks, v.check(i+1, c))
	}
	for _, c := range s.Checks {
		v.Checks = append(v.Checks, v.check(0, c))
	}
	v.matrix()
	v.register()
	v.quality()
	v.legends()
	return v, nil
}

// errNoSummary is the management reporters' error for a nil summary.
var errNoSummary = errors.New("management report without a summary (use audience.Management)")

func (v *mgmtView) cards() {
	m, tt := v.T.m, v.S.Totals
	open := mgmtCard{Class: "open", Value: v.T.shown(tt.Open), Label: m.OpenFindings, Sub: v.bySeverity()}
	if tt.PreviousOpen != nil {
		open.Sub += "; " + fmt.Sprintf(m.PreviousCount, v.PreviousAsOf) + ": " + v.T.shown(*tt.PreviousOpen)
	}
	v.Cards = []mgmtCard{
		open,
		{Class: "recommendations", Value: v.T.shown(tt.Recommendations), Label: m.Recommendations},
		{Class: "checks", Value: strconv.Itoa(tt.ChecksOpen), Label: m.ChecksWithOpen, Sub: fmt.Sprintf(m.OfChecksRun, tt.ChecksRun)},
		{Class: "risks", Value: strconv.Itoa(tt.HighRisks), Label: m.HighRisks},
		{Class: "accepted", Value: v.T.shown(tt.Accepted), Label: m.AcceptedCount},
	}
}

// count writes c; blank (a check or area that did not run) gives the
// not-run mark instead of a 0 that would read as "nothing found".
func (v *mgmtView) count(c audience.Count, blank bool) mgmtCount {
	if blank {
		return mgmtCount{Text: v.T.m.NotRunMark}
	}
	return mgmtCount{Text: v.T.shown(c), Num: c.Value}
}

func (v *mgmtView) prevCount(c *audience.Count, blank bool) mgmtCount {
	if c == nil {
		return mgmtCount{Text: v.T.m.NotRunMark}
	}
	return v.count(*c, blank)
}

func (v *mgmtView) area(name results.Text, checks, run, checksOpen int, open, accepted audience.Count,
	prev *audience.Count, trend, level string) mgmtArea {
	m, notRun := v.T.m, run == 0
	a := mgmtArea{
		Name:       v.T.l.pick(name),
		Checks:     checks,
		Run:        run,
		ChecksOpen: checksOpen,
		Open:       v.count(open, notRun),
		Accepted:   v.count(accepted, notRun),
		Previous:   v.prevCount(prev, notRun),
		Trend:      word(m.Trends, trend),
		TrendClass: classFor(trend, m.Trends),
		Level:      word(m.Levels, level),
		LevelClass: classFor(level, m.Levels),
		NotRun:     notRun,

		ChartNow:      open.Mid(),
		ChartNowExact: open.Exact(),
		ChartNowLabel: v.T.shown(open),
		HasPrevious:   prev != nil,
	}
	if prev != nil {
		a.ChartPrev, a.ChartPrevExact, a.ChartPrevLabel = prev.Mid(), prev.Exact(), v.T.shown(*prev)
	}
	return a
}

func (v *mgmtView) check(rank int, c audience.CheckSummary) mgmtCheck {
	t, m := v.T, v.T.m
	notRun := c.Status == audience.StatusNotRun
	mc := mgmtCheck{
		Rank:        rank,
		ID:          c.ID,
		Title:       t.l.pick(c.Title),
		Area:        t.l.pick(audience.AreaName(c.Area)),
		Severity:    t.l.severity(c.Severity),
		SevClass:    classFor(c.Severity, severityColours),
		Status:      word(m.Statuses, c.Status),
		StatusClass: classFor(c.Status, m.Statuses),
		Open:        v.count(c.Open, notRun),
		Accepted:    v.count(c.Accepted, notRun),
		Previous:    v.prevCount(c.PreviousOpen, false),
		Trend:       word(m.Trends, c.Trend),
		TrendClass:  classFor(c.Trend, m.Trends),
		Impact:      m.NotRunMark,
		Likelihood:  m.NotRunMark,
		Score:       m.NotRunMark,
		Level:       word(m.Levels, c.Level),
		LevelClass:  classFor(c.Level, m.Levels),
		Owner:       t.owner(c.Owner),
	}
	if !notRun && c.Impact > 0 {
		mc.Impact, mc.Likelihood, mc.Score = strconv.Itoa(c.Impact), strconv.Itoa(c.Likelihood), strconv.Itoa(c.Score)
	}
	if notRun {
		mc.Level, mc.LevelClass, mc.Owner = m.NotRunMark, "other", m.NotRunMark
	}
	return mc
}

// matrix lays the summary's 25 cells out in rows of impact 5 down to 1.
func (v *mgmtView) matrix() {
	m := v.T.m
	for i, c := range v.S.Matrix {
		if i%5 == 0 {
			v.Matrix = append(v.Matrix, mgmtMatrixRow{Impact: c.Impact})
		}
		cell := mgmtMatrixCell{Impact: c.Impact, Likelihood: c.Likelihood, Score: c.Score,
			Level: word(m.Levels, c.Level), LevelClass: classFor(c.Level, m.Levels), Count: len(c.Checks)}
		if cell.Count > 0 {
			cell.CountLabel = plural(cell.Count, m.MatrixChecks)
		}
		for _, ch := range c.Checks {
			cell.Titles = append(cell.Titles, v.T.l.pick(ch.Title))
		}
		row := &v.Matrix[len(v.Matrix)-1]
		row.Cells = append(row.Cells, cell)
	}
}

func (v *mgmtView) register() {
	m, a := v.T.m, v.S.Acceptances
	for _, st := range []struct {
		key string
		n   int
	}{
		{results.AcceptanceAccepted, a.Accepted},
		{results.AcceptanceExpired, a.Expired},
		{results.AcceptanceStale, a.Stale},
		{results.AcceptancePending, a.Pending},
	} {
		n := st.n
		v.Register = append(v.Register, mgmtPair{word(m.AccStatus, st.key), mgmtCount{Text: strconv.Itoa(n), Num: &n}})
	}
}

func (v *mgmtView) quality() {
	m, dq := v.T.m, v.S.DataQuality
	files := dq.Files
	share := mgmtCount{Text: m.NotShown}
	if dq.RejectedPercent != nil {
		share.Text = v.T.percent(*dq.RejectedPercent)
	}
	v.Quality = []mgmtPair{
		{m.Files, mgmtCount{Text: strconv.Itoa(files), Num: &files}},
		{m.RowsRead, v.count(dq.RowsRead, false)},
		{m.RowsRejected, v.count(dq.RowsRejected, false)},
		{m.RejectedShare, share},
	}
	for _, c := range dq.ChecksNotRun {
		v.NotRun = append(v.NotRun, v.T.l.pick(c.Title))
	}
}

func (v *mgmtView) legends() {
	m := v.T.m
	for _, lv := range audience.Levels {
		v.LevelLegend = append(v.LevelLegend, mgmtLegend{classFor(lv, m.Levels), m.Levels[lv], m.LevelDesc[lv]})
	}
	for _, st := range mgmtStatuses {
		v.StatusLegend = append(v.StatusLegend, mgmtLegend{classFor(st, m.Statuses), m.Statuses[st], m.StatDesc[st]})
	}
	for _, tr := range mgmtTrends {
		v.TrendLegend = append(v.TrendLegend, mgmtLegend{classFor(tr, m.Trends), m.Trends[tr], m.TrendDesc[tr]})
	}
}

// The statuses and trends of audience, in the order the legend lists them.
var (
	mgmtStatuses = []string{audience.StatusOpen, audience.StatusAccepted, audience.StatusResolved, audience.StatusOK, audience.StatusNotRun}
	mgmtTrends   = []string{audience.TrendUp, audience.TrendDown, audience.TrendSame, audience.TrendSimilar, audience.TrendNew}
)

// bySeverity splits the open findings by severity: "12 ernstig, < 5
// aanzienlijk, 0 beperkt".
func (v *mgmtView) bySeverity() string {
	by := v.S.Totals.OpenBySeverity
	return fmt.Sprintf(v.T.m.BySeverity, v.T.shown(by["high"]), v.T.shown(by["medium"]), v.T.shown(by["low"]))
}

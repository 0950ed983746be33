package audience

import (
	"cmp"
	"slices"
	"time"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
	"github.com/avgaudit/avgaudit/values"
)

// ManagementSchemaVersion is the version of the management summary's JSON
// form (docs/management-schema.md), which is not that of resultaten.json.
const ManagementSchemaVersion = 1

// TopRisks is how many checks the summary lists as the top risks.
const TopRisks = 5

// Check statuses as management sees them.
const (
	StatusOpen     = "open"     // findings that still need action
	StatusAccepted = "accepted" // findings, all covered by an accepted risk
	StatusResolved = "resolved" // no findings now, open findings last time
	StatusOK       = "ok"       // no findings, none last time either
	StatusNotRun   = "not_run"  // data missing or the check failed: no verdict
)

// Risk levels, lowest first (the bands of docs/policy.md).
var Levels = risk.Levels

// Summary is the management report: aggregates of a run with no personal
// data. It holds no names, record keys, files, rows or values, and every
// count of findings or records is a Count.
type Summary struct {
	SchemaVersion int          `json:"schema_version"`
	Audience      string       `json:"audience"` // always "management"
	Tool          results.Tool `json:"tool"`
	Organisation  string       `json:"organisation"`
	AsOf          string       `json:"as_of"`          // YYYY-MM-DD
	PreviousAsOf  string       `json:"previous_as_of"` // YYYY-MM-DD, "" without a previous run
	// Date and PreviousDate are AsOf and PreviousAsOf as dates, for the
	// reports (zero when unknown); not written.
	Date         time.Time `json:"-"`
	PreviousDate time.Time `json:"-"`
	// SuppressBelow: counts from 1 to SuppressBelow-1 are not shown exactly.
	SuppressBelow int `json:"suppress_below"`

	Totals      Totals           `json:"totals"`
	Areas       []Area           `json:"areas"`
	Checks      []CheckSummary   `json:"checks"` // in the order of Areas, then of the run
	Matrix      []MatrixCell     `json:"matrix"`
	TopRisks    []CheckSummary   `json:"top_risks"`
	Acceptances AcceptanceCounts `json:"acceptances"`
	DataQuality DataQuality      `json:"data_quality"`
}

// Totals are the figures of the whole run.
type Totals struct {
	Checks       int    `json:"checks"`
	ChecksRun    int    `json:"checks_run"`
	ChecksOpen   int    `json:"checks_open"` // checks with open findings
	ChecksNotRun int    `json:"checks_not_run"`
	HighRisks    int    `json:"high_risks"` // checks at level high or critical
	Level        string `json:"level"`      // the highest risk level of all checks
	// Open counts the open findings of the checks of a legal duty; those
	// of good-practice checks (severity info) are Recommendations, so one
	// best-practice check cannot make the headline.
	Open Count `json:"open"`
	// OpenBySeverity splits Open by the checks' severity: high, medium,
	// low.
	OpenBySeverity  map[string]Count `json:"open_by_severity"`
	Recommendations Count            `json:"recommendations"` // open findings of good-practice checks
	Accepted        Count            `json:"accepted"`
	PreviousOpen    *Count           `json:"previous_open"` // nil without a previous run
	Trend           string           `json:"trend"`
}

// Area is one area of the privacy policy (queries.Areas) and its checks.
type Area struct {
	Code       string       `json:"code"`
	Name       results.Text `json:"name"`
	Checks     int          `json:"checks"`
	ChecksRun  int          `json:"checks_run"`
	ChecksOpen int          `json:"checks_open"`
	Open       Count        `json:"open"` // of the checks of a legal duty, as Totals.Open
	// Recommendations are the open findings of its good-practice checks.
	Recommendations Count  `json:"recommendations"`
	Accepted        Count  `json:"accepted"`
	PreviousOpen    *Count `json:"previous_open"`
	Trend           string `json:"trend"`
	Level           string `json:"level"` // the highest risk level of its checks
}

// CheckSummary is one check's outcome without its findings.
type CheckSummary struct {
	ID           string       `json:"id"`
	Title        results.Text `json:"title"`
	Severity     string       `json:"severity"`
	Area         string       `json:"area"`
	Status       string       `json:"status"` // open, accepted, resolved, ok, not_run
	Open         Count        `json:"open"`
	Accepted     Count        `json:"accepted"`
	PreviousOpen *Count       `json:"previous_open"` // nil when there is nothing to compare with
	Trend        string       `json:"trend"`
	Impact       int          `json:"impact"`     // 1–5; 0 when not run
	Likelihood   int          `json:"likelihood"` // 0–5; 0 without open findings
	Score        int          `json:"score"`
	Level        string       `json:"level"`
	Owner        string       `json:"owner"`
}

// MatrixCell is one cell of the 5×5 risk matrix and the checks in it.
type MatrixCell struct {
	Impact     int           `json:"impact"`
	Likelihood int           `json:"likelihood"`
	Score      int           `json:"score"`
	Level      string        `json:"level"`
	Checks     []MatrixCheck `json:"checks"`
}

// MatrixCheck names a check in a matrix cell.
type MatrixCheck struct {
	ID    string       `json:"id"`
	Title results.Text `json:"title"`
}

// AcceptanceCounts counts the entries of the accepted-risk register by
// status. They count decisions, not children, so they are exact; which
// records an entry covers and why is left to the risk report.
type AcceptanceCounts struct {
	Accepted int `json:"accepted"`
	Expired  int `json:"expired"`
	Stale    int `json:"stale"`
	Pending  int `json:"pending"`
}

// DataQuality says how complete the audit's view was.
type DataQuality struct {
	Files        int   `json:"files"`
	RowsRead     Count `json:"rows_read"`
	RowsRejected Count `json:"rows_rejected"`
	// RejectedPercent is the share of rows read that were rejected, in
	// percent; nil when the number rejected is not shown exactly.
	RejectedPercent *float64      `json:"rejected_percent"`
	ChecksNotRun    []MatrixCheck `json:"checks_not_run"` // not run or failed
}

// Management summarises run for management and the board. run is not
// changed.
func Management(run *results.Run) *Summary {
	s := &Summary{
		SchemaVersion: ManagementSchemaVersion,
		Audience:      results.AudienceManagement,
		Tool:          run.Tool,
		Organisation:  values.MaskBSNsInText(run.Organisation),
		AsOf:          run.AsOf,
		Date:          run.Date,
		SuppressBelow: SuppressBelow,
		Areas:         []Area{},
		Checks:        []CheckSummary{},
		TopRisks:      []CheckSummary{},
	}
	if run.Previous != nil {
		s.PreviousAsOf = run.Previous.AsOf
		s.PreviousDate = run.Previous.Date
	}
	compared := run.Previous != nil
	tally := newTally(compared)
	for _, c := range run.Checks {
		cs := summariseCheck(c, compared)
		s.Checks = append(s.Checks, cs)
		tally.add(c, cs)
	}
	s.Totals = tally.totals()
	order := areaOrder(run.Checks)
	for _, code := range order {
		s.Areas = append(s.Areas, tally.areas[code].area(code))
	}
	// The checks by area, as the areas are listed; within one, as in the run.
	slices.SortStableFunc(s.Checks, func(a, b CheckSummary) int {
		return cmp.Compare(slices.Index(order, a.Area), slices.Index(order, b.Area))
	})
	s.Matrix = matrix(s.Checks)
	s.TopRisks = topRisks(s.Checks)
	s.Acceptances = acceptanceCounts(run.Acceptances)
	s.DataQuality = dataQuality(run, s.Checks)
	return s
}

// summariseCheck reduces a check to counts, trend, risk and status.
func summariseCheck(c results.Check, compared bool) CheckSummary {
	open, accepted := openAccepted(c)
	cs := CheckSummary{
		ID:       c.ID,
		Title:    maskText(c.Title),
		Severity: c.Severity,
		Area:     c.Area,
		Status:   checkStatus(c, open),
		Open:     NewCount(open),
		Accepted: NewCount(accepted),
		Level:    risk.LevelNone,
	}
	if compared && cs.Status != StatusNotRun {
		cs.PreviousOpen = previousOpen(c)
		cs.Trend = direction(cs.Open, cs.PreviousOpen)
		if c.Previous == nil && open > 0 {
			cs.Trend = TrendNew // not in the previous run: new to the catalogue or not selected then
		}
	}
	if r := c.Risk; r != nil && cs.Status != StatusNotRun {
		cs.Impact, cs.Likelihood, cs.Score = r.Impact, r.Likelihood, r.Score
		cs.Level = cmp.Or(r.Level, risk.LevelOf(r.Score))
		cs.Owner = values.MaskBSNsInText(r.Owner)
	}
	return cs
}

// previousOpen is the check's open findings in the previous run; nil when
// it was not in that run or did not run then.
func previousOpen(c results.Check) *Count {
	p := c.Previous
	if p == nil || p.Status == results.StatusNotRun || p.Status == results.StatusError {
		return nil
	}
	n := NewCount(p.Open)
	return &n
}

func openAccepted(c results.Check) (open, accepted int) {
	open = c.OpenFindings()
	return open, c.NFindings() - open
}

func checkStatus(c results.Check, open int) string {
	switch {
	case c.Status == results.StatusNotRun || c.Status == results.StatusError:
		return StatusNotRun
	case open > 0:
		return StatusOpen
	case c.NFindings() > 0:
		return StatusAccepted
	case len(c.Resolved) > 0 || c.Previous != nil && c.Previous.Open > 0:
		return StatusResolved
	}
	return StatusOK
}

func levelRank(l string) int { return slices.Index(Levels, l) }

func severityRank(sev string) int {
	if i := slices.Index(results.Severities, sev); i >= 0 {
		return i
	}
	return len(results.Severities)
}

// tally adds up the checks' counts per area and for the whole run. It keeps
// the exact counts of each part, so that totals are made by Total from the
// parts and never from other totals.
type tally struct {
	compared bool
	all      *partCounts
	areas    map[string]*partCounts
}

// partCounts are the exact counts of the checks of one area (or of all).
type partCounts struct {
	checks, run, open, highRisks int
	openN, acceptedN, prevN      []int
	recN                         []int            // open findings of good-practice checks
	sevN                         map[string][]int // openN by severity
	prevUnknown                  bool             // a check did not run last time
	level                        string
	compared                     bool
}

func newTally(compared bool) *tally {
	return &tally{compared: compared, all: &partCounts{compared: compared, level: risk.LevelNone}, areas: map[string]*partCounts{}}
}

func (t *tally) add(c results.Check, cs CheckSummary) {
	a := t.areas[c.Area]
	if a == nil {
		a = &partCounts{compared: t.compared, level: risk.LevelNone}
		t.areas[c.Area] = a
	}
	a.add(c, cs)
	t.all.add(c, cs)
}

func (p *partCounts) add(c results.Check, cs CheckSummary) {
	p.checks++
	if cs.Status == StatusNotRun {
		return
	}
	p.run++
	open, accepted := openAccepted(c)
	p.acceptedN = append(p.acceptedN, accepted)
	if levelRank(cs.Level) >= levelRank(risk.LevelHigh) {
		p.highRisks++
	}
	if levelRank(cs.Level) > levelRank(p.level) {
		p.level = cs.Level
	}
	if c.Severity == risk.SeverityGoodPractice {
		// A recommendation: counted apart, not among the open findings nor
		// in their trend.
		p.recN = append(p.recN, open)
		return
	}
	p.openN = append(p.openN, open)
	if p.sevN == nil {
		p.sevN = map[string][]int{}
	}
	p.sevN[c.Severity] = append(p.sevN[c.Severity], open)
	if open > 0 {
		p.open++
	}
	if cs.PreviousOpen != nil {
		p.prevN = append(p.prevN, c.Previous.Open)
	}
}

// previous is the total of the previous run's open findings of these
// checks (those that ran then), or nil without a previous run or when
// none of them ran now.
func (p *partCounts) previous() *Count {
	if !p.compared || p.run == 0 {
		return nil
	}
	c := Total(p.prevN...)
	return &c
}

func (p *partCounts) area(code string) Area {
	a := Area{
		Code:            code,
		Name:            AreaName(code),
		Checks:          p.checks,
		ChecksRun:       p.run,
		ChecksOpen:      p.open,
		Open:            Total(p.openN...),
		Recommendations: Total(p.recN...),
		Accepted:        Total(p.acceptedN...),
		PreviousOpen:    p.previous(),
		Level:           p.level,
	}
	a.Trend = direction(a.Open, a.PreviousOpen)
	return a
}

func (t *tally) totals() Totals {
	p := t.all
	tt := Totals{
		Checks:          p.checks,
		ChecksRun:       p.run,
		ChecksOpen:      p.open,
		ChecksNotRun:    p.checks - p.run,
		HighRisks:       p.highRisks,
		Level:           p.level,
		Open:            TotalOf(t.groups(func(a *partCounts) []int { return a.openN })...),
		OpenBySeverity:  map[string]Count{},
		Recommendations: TotalOf(t.groups(func(a *partCounts) []int { return a.recN })...),
		Accepted:        TotalOf(t.groups(func(a *partCounts) []int { return a.acceptedN })...),
		PreviousOpen:    p.previous(),
	}
	for _, sev := range results.Severities {
		if sev != risk.SeverityGoodPractice {
			tt.OpenBySeverity[sev] = TotalOf(t.groups(func(a *partCounts) []int { return a.sevN[sev] })...)
		}
	}
	if tt.PreviousOpen != nil {
		prev := TotalOf(t.groups(func(a *partCounts) []int { return a.prevN })...)
		tt.PreviousOpen = &prev
	}
	tt.Trend = direction(tt.Open, tt.PreviousOpen)
	return tt
}

// groups lists one slice of counts per area, in no particular order: the
// grand totals are built from the areas' parts, so they give away no more
// than the area totals do (see TotalOf).
func (t *tally) groups(counts func(*partCounts) []int) [][]int {
	out := make([][]int, 0, len(t.areas))
	for _, a := range t.areas {
		out = append(out, counts(a))
	}
	return out
}

// matrix places the checks with a risk score in the 5×5 matrix: impact 5
// (top row) down to 1, likelihood 1 (left) to 5, 25 cells in reading order.
func matrix(checks []CheckSummary) []MatrixCell {
	cells := make([]MatrixCell, 0, 25)
	for impact := 5; impact >= 1; impact-- {
		for likelihood := 1; likelihood <= 5; likelihood++ {
			cell := MatrixCell{Impact: impact, Likelihood: likelihood, Score: impact * likelihood,
				Level: risk.LevelOf(impact * likelihood), Checks: []MatrixCheck{}}
			for _, c := range checks {
				if c.Impact == impact && c.Likelihood == likelihood {
					cell.Checks = append(cell.Checks, MatrixCheck{ID: c.ID, Title: c.Title})
				}
			}
			cells = append(cells, cell)
		}
	}
	return cells
}

// topRisks returns the TopRisks checks with the highest score, then the
// highest severity, then by id.
func topRisks(checks []CheckSummary) []CheckSummary {
	var scored []CheckSummary
	for _, c := range checks {
		if c.Score > 0 {
			scored = append(scored, c)
		}
	}
	slices.SortStableFunc(scored, func(a, b CheckSummary) int {
		return cmp.Or(
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
			cmp.Compare(a.ID, b.ID),
		)
	})
	out := []CheckSummary{}
	return append(out, scored[:min(len(scored), TopRisks)]...)
}

func acceptanceCounts(as []results.Acceptance) AcceptanceCounts {
	var n AcceptanceCounts
	for _, a := range as {
		switch a.Status {
		case results.AcceptanceAccepted:
			n.Accepted++
		case results.AcceptanceExpired:
			n.Expired++
		case results.AcceptanceStale:
			n.Stale++
		case results.AcceptancePending:
			n.Pending++
		}
	}
	return n
}

func dataQuality(run *results.Run, checks []CheckSummary) DataQuality {
	read, rejected := 0, 0
	for _, in := range run.Inputs {
		read += in.RowsRead
		rejected += in.RowsRejected
	}
	dq := DataQuality{
		Files:        len(run.Inputs),
		RowsRead:     NewCount(read),
		RowsRejected: NewCount(rejected),
		ChecksNotRun: []MatrixCheck{},
	}
	if dq.RowsRejected.Exact() && read > 0 {
		pct := float64(rejected) * 100 / float64(read)
		dq.RejectedPercent = &pct
	}
	for _, c := range checks {
		if c.Status == StatusNotRun {
			dq.ChecksNotRun = append(dq.ChecksNotRun, MatrixCheck{ID: c.ID, Title: c.Title})
		}
	}
	return dq
}

func maskText(t results.Text) results.Text {
	return results.Text{NL: values.MaskBSNsInText(t.NL), EN: values.MaskBSNsInText(t.EN)}
}

package reports

import (
	"cmp"
	"slices"

	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
)

// This file holds what the HTML and Excel reports of the risk and FG
// audiences compute from a run alike: checks by area, the risk matrix,
// findings per location and group, and the trend per area.

// Risk levels, from a score of 0 (no open findings) to 25: the risk
// package's.
const (
	levelNone     = risk.LevelNone
	levelLow      = risk.LevelLow
	levelMedium   = risk.LevelMedium
	levelHigh     = risk.LevelHigh
	levelCritical = risk.LevelCritical
)

// levels lists the risk levels from the highest down, as the report's
// cards and legends show them.
var levels = []string{levelCritical, levelHigh, levelMedium, levelLow}

// levelColours are the colours of the risk levels in the matrix, badges
// and workbook fills. The text on each is dark enough to read (see
// levelInk).
var levelColours = map[string]string{
	levelNone:     "#d5dbdf",
	levelLow:      "#7dc79a",
	levelMedium:   "#f4d03f",
	levelHigh:     "#f0a04b",
	levelCritical: "#d9534f",
}

// levelInk is the text colour on a level's colour.
var levelInk = map[string]string{
	levelNone:     "#1f2d3d",
	levelLow:      "#123d22",
	levelMedium:   "#3d3200",
	levelHigh:     "#3d2200",
	levelCritical: "#ffffff",
}

// checkLevel is a check's risk level, "" when it was not scored (it did not
// run).
func checkLevel(c results.Check) string {
	if c.Risk == nil {
		return ""
	}
	if c.Risk.Level != "" {
		return c.Risk.Level
	}
	return risk.LevelOf(c.Risk.Score)
}

// areaGroup is one area of the catalogue and the indices (into
// run.Checks) of its checks, in run order.
type areaGroup struct {
	Code   string
	Checks []int
}

// groupByArea groups checks by area: the catalogue's areas in the order of
// queries.Areas, then areas of the user's own checks by name, then the
// checks without an area. Areas without checks are left out.
func groupByArea(checks []results.Check) []areaGroup {
	rank := map[string]int{}
	for i, a := range queries.Areas {
		rank[a] = i
	}
	byCode := map[string][]int{}
	var codes []string
	for i, c := range checks {
		if _, ok := byCode[c.Area]; !ok {
			codes = append(codes, c.Area)
		}
		byCode[c.Area] = append(byCode[c.Area], i)
	}
	slices.SortFunc(codes, func(a, b string) int {
		ra, oka := areaRank(rank, a)
		rb, okb := areaRank(rank, b)
		if oka != okb || ra != rb {
			return cmp.Compare(ra, rb)
		}
		return cmp.Compare(a, b)
	})
	out := make([]areaGroup, len(codes))
	for i, code := range codes {
		out[i] = areaGroup{Code: code, Checks: byCode[code]}
	}
	return out
}

// areaRank orders an area: the catalogue's by their place, then the others,
// then none.
func areaRank(rank map[string]int, code string) (int, bool) {
	if r, ok := rank[code]; ok {
		return r, true
	}
	if code == "" {
		return len(rank) + 1, false
	}
	return len(rank), false
}

// matrixSize is the number of levels of impact and of likelihood.
const matrixSize = risk.Scale

// riskMatrix places each check with open findings in the matrix:
// cells[impact-1][likelihood-1] lists the indices of its checks. A check
// without a score, with likelihood 0 (nothing open) or with a value outside
// 1–5 is not placed.
func riskMatrix(checks []results.Check) [matrixSize][matrixSize][]int {
	var cells [matrixSize][matrixSize][]int
	for i, c := range checks {
		r := c.Risk
		if r == nil || r.Impact < 1 || r.Impact > matrixSize || r.Likelihood < 1 || r.Likelihood > matrixSize {
			continue
		}
		cells[r.Impact-1][r.Likelihood-1] = append(cells[r.Impact-1][r.Likelihood-1], i)
	}
	return cells
}

// levelCounts counts the checks at each risk level.
func levelCounts(checks []results.Check) map[string]int {
	n := map[string]int{}
	for _, c := range checks {
		if lv := checkLevel(c); lv != "" {
			n[lv]++
		}
	}
	return n
}

// locationRow counts the findings of one location and group.
type locationRow struct {
	Location, Group string // "" when not known
	Open, Accepted  int
}

// locationRows counts the findings per location and group, sorted by
// location and then group, the unknown ones ("") last in each.
func locationRows(checks []results.Check) []locationRow {
	type key struct{ loc, group string }
	counts := map[key]*locationRow{}
	for _, c := range checks {
		for i := range c.NFindings() {
			loc, group, open := c.PlaceAt(i)
			k := key{loc, group}
			r := counts[k]
			if r == nil {
				r = &locationRow{Location: loc, Group: group}
				counts[k] = r
			}
			if open {
				r.Open++
			} else {
				r.Accepted++
			}
		}
	}
	out := make([]locationRow, 0, len(counts))
	for _, r := range counts {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b locationRow) int {
		return cmp.Or(knownFirst(a.Location, b.Location), knownFirst(a.Group, b.Group))
	})
	return out
}

// knownFirst compares two names, an empty (unknown) one after all others.
func knownFirst(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Compare(a, b)
}

// areaTrend counts the findings of one area in the previous run and now.
type areaTrend struct {
	Code           string
	Previous, Now  int
	Open, Accepted int // of Now
}

// areaTrends counts per area the findings then and now; areas without
// findings in either run are left out.
func areaTrends(checks []results.Check, groups []areaGroup) []areaTrend {
	var out []areaTrend
	for _, g := range groups {
		t := areaTrend{Code: g.Code}
		for _, i := range g.Checks {
			c := checks[i]
			if c.Previous != nil {
				t.Previous += c.Previous.Findings
			}
			t.Now += c.NFindings()
			open := c.OpenFindings()
			t.Open += open
			t.Accepted += c.NFindings() - open
		}
		if t.Previous > 0 || t.Now > 0 {
			out = append(out, t)
		}
	}
	return out
}

// checkCounts counts a check's findings now: open and accepted, and by
// trend mark.
type checkCounts struct {
	Open, Accepted, New, Persisting int
}

func countFindings(c results.Check) checkCounts {
	n := checkCounts{Open: c.OpenFindings()}
	n.Accepted = c.NFindings() - n.Open
	n.New, n.Persisting = c.TrendCounts()
	return n
}

// notRun lists the indices of the checks that did not run or failed.
func notRun(checks []results.Check) []int {
	var out []int
	for i, c := range checks {
		if c.Status == results.StatusNotRun || c.Status == results.StatusError {
			out = append(out, i)
		}
	}
	return out
}

// Package risk scores the checks of a run for the annual risk analysis:
// score = impact × likelihood, each on a scale of 1 to 5. Impact comes from
// the check's metadata (Check.Risk as the audit set it) or the policy;
// likelihood from the share of the checked records that has an open
// finding, by the policy's limits, or is fixed in the policy. A check
// without open findings has likelihood 0: no risk now.
//
// When the population is unknown (0: a check of the organisation's own
// without a population table) the share cannot be computed; Share is then
// 0 and open findings count as likelihood 5, the cautious choice, which
// the policy can replace. More findings than records (several photos of
// one child) count as a share of 100%.
package risk

import (
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/results"
)

// Risk levels, from the score. Reports translate them.
const (
	LevelNone     = "none"     // score 0: no open findings
	LevelLow      = "low"      // 1–4
	LevelMedium   = "medium"   // 5–9
	LevelHigh     = "high"     // 10–16
	LevelCritical = "critical" // 20–25
)

// Levels lists the levels from none to critical.
var Levels = []string{LevelNone, LevelLow, LevelMedium, LevelHigh, LevelCritical}

// Sources of impact and likelihood, as in results.Risk.
const (
	SourceCheck  = "check"  // impact from the check's metadata
	SourceShare  = "share"  // likelihood from the share of affected records
	SourcePolicy = "policy" // set in the policy file
)

// DefaultImpact is the impact of a check that ran without one (a check of
// the organisation's own without an impact header).
const DefaultImpact = 3

// Scale is the number of steps of impact and likelihood.
const Scale = 5

// LevelOf is the level of a score from 0 to 25.
func LevelOf(score int) string {
	switch {
	case score <= 0:
		return LevelNone
	case score <= 4:
		return LevelLow
	case score <= 9:
		return LevelMedium
	case score <= 16:
		return LevelHigh
	}
	return LevelCritical
}

// LikelihoodOf is the likelihood of a share (0–1) of affected records:
// 1 below the first limit (percentages, ascending), 2 below the second,
// and so on; 5 from the last limit on.
func LikelihoodOf(share float64, limits []float64) int {
	pct := share * 100
	l := 1
	for _, limit := range limits {
		if pct >= limit {
			l++
		}
	}
	return min(l, Scale)
}

// Score fills in the risk of every check in run that ran: its Risk as the
// audit set it (impact and population), completed with the open findings,
// share, likelihood, score, level and owner, and the policy's overrides.
// A check that ran without a Risk gets DefaultImpact and an unknown
// population; a check that did not run keeps none.
func Score(run *results.Run, pol policy.Risk) {
	for i := range run.Checks {
		c := &run.Checks[i]
		if c.Risk == nil {
			if !c.Ran() {
				continue
			}
			c.Risk = &results.Risk{Impact: DefaultImpact, ImpactSource: SourceCheck}
		}
		score(c, pol)
	}
}

func score(c *results.Check, pol policy.Risk) {
	r := c.Risk
	if r.Impact < 1 || r.Impact > Scale {
		r.Impact, r.ImpactSource = DefaultImpact, SourceCheck
	}
	if r.ImpactSource == "" {
		r.ImpactSource = SourceCheck
	}
	if v, ok := pol.Impact[c.ID]; ok {
		r.Impact, r.ImpactSource = v, SourcePolicy
	}
	r.Affected = c.OpenFindings()
	r.Share = 0
	if r.Population > 0 {
		r.Share = min(float64(r.Affected)/float64(r.Population), 1)
	}
	r.Likelihood, r.LikelihoodSource = 0, SourceShare
	switch v, fixed := pol.Likelihood[c.ID]; {
	case r.Affected == 0:
	case fixed:
		r.Likelihood, r.LikelihoodSource = v, SourcePolicy
	case r.Population <= 0:
		r.Likelihood = Scale
	default:
		r.Likelihood = LikelihoodOf(r.Share, pol.LikelihoodShares)
	}
	r.Score = r.Impact * r.Likelihood
	r.Level = LevelOf(r.Score)
	r.Owner = pol.Owner(c.Area)
}

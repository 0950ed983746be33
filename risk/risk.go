// Package risk scores the checks of a run for the annual risk analysis:
// score = impact × likelihood, each on a scale of 1 to 5. Impact comes from
// the check's metadata (Check.Risk as the audit set it) or the policy;
// likelihood from the share of the data subjects the check judged
// (children, parents, staff; or records, when the check names no subject)
// that has an open finding, by the policy's limits, or is fixed in the
// policy: 47 photos of 7 children count as 7 of the children with photos,
// not as 47 of all photos. A check without open findings has likelihood
// 0: no risk now. A good-practice check (severity info) is at most low.
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
	SourceCheck  = "check"  // impact (or a fixed likelihood) from the check's metadata
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
		r.Impact, r.ImpactSource, r.ImpactWhy = v, SourcePolicy, nil
	}
	r.Affected = affected(c)
	r.Share = 0
	if r.Population > 0 {
		r.Share = min(float64(r.Affected)/float64(r.Population), 1)
	}
	r.Likelihood, r.LikelihoodSource, r.LikelihoodWhy = 0, SourceShare, nil
	switch v, fixed := pol.Likelihood[c.ID]; {
	case r.Affected == 0:
	case fixed:
		r.Likelihood, r.LikelihoodSource = v, SourcePolicy
	case r.Population <= 0 && r.FixedLikelihood > 0:
		r.Likelihood, r.LikelihoodSource, r.LikelihoodWhy = min(r.FixedLikelihood, Scale), SourceCheck, r.FixedLikelihoodWhy
	case r.Population <= 0:
		r.Likelihood = Scale
	default:
		r.Likelihood = LikelihoodOf(r.Share, pol.LikelihoodShares)
	}
	if c.Severity == SeverityGoodPractice {
		// Good practice, not a legal duty: its risk is at most low.
		r.Impact, r.Likelihood = min(r.Impact, 1), min(r.Likelihood, MaxGoodPracticeScore)
	}
	r.Score = r.Impact * r.Likelihood
	r.Level = LevelOf(r.Score)
	r.Owner = pol.Owner(c.Area)
}

// SeverityGoodPractice is the severity of a check of good practice rather
// than a legal duty: its impact is 1 and its likelihood at most
// MaxGoodPracticeScore, so its risk level is at most low whatever its
// header or the policy say: a reader never sees a recommendation at a high
// risk.
const SeverityGoodPractice = "info"

// MaxGoodPracticeScore is the highest score (and likelihood) of a good
// practice check: the top of the low band.
const MaxGoodPracticeScore = 4

// affected counts the data subjects with an open finding: the distinct
// subjects the check named, or, for findings without one, the distinct
// record keys (a record is then its own subject).
func affected(c *results.Check) int {
	seen := map[string]bool{}
	l := c.List()
	for i := range l.Len() {
		f := l.At(i)
		if !f.Open() {
			continue
		}
		if f.Subject != "" {
			seen["s|"+f.Subject] = true
		} else {
			seen["r|"+f.Table+"|"+f.RecordKey] = true
		}
	}
	return len(seen)
}

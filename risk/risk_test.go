package risk_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
)

func TestLevelOf(t *testing.T) {
	want := map[int]string{0: "none", 1: "low", 4: "low", 5: "medium", 9: "medium", 10: "high", 16: "high", 20: "critical", 25: "critical"}
	for score, level := range want {
		if got := risk.LevelOf(score); got != level {
			t.Errorf("LevelOf(%d) = %s, want %s", score, got, level)
		}
	}
}

func TestLikelihoodOf(t *testing.T) {
	limits := policy.DefaultLikelihoodShares
	tests := []struct {
		share float64
		want  int
	}{{0, 1}, {0.0099, 1}, {0.01, 2}, {0.049, 2}, {0.05, 3}, {0.1499, 3}, {0.15, 4}, {0.3999, 4}, {0.40, 5}, {1, 5}}
	for _, tt := range tests {
		if got := risk.LikelihoodOf(tt.share, limits); got != tt.want {
			t.Errorf("LikelihoodOf(%v) = %d, want %d", tt.share, got, tt.want)
		}
	}
}

// findings makes n findings of which the first accepted are covered by an
// acceptance in force and the next expired by an expired one.
func findings(n, accepted, expired int) []results.Finding {
	out := make([]results.Finding, n)
	for i := range out {
		out[i].Key = fmt.Sprintf("c|t|%d", i)
		out[i].Table, out[i].RecordKey = "t", fmt.Sprint(i)
		switch {
		case i < accepted:
			out[i].Acceptance = &results.FindingAcceptance{ID: "A1", Status: results.AcceptanceAccepted}
		case i < accepted+expired:
			out[i].Acceptance = &results.FindingAcceptance{ID: "A2", Status: results.AcceptanceExpired}
		}
	}
	return out
}

func TestScore(t *testing.T) {
	pol := policy.DefaultRisk()
	pol.Impact["impact_override"] = 5
	pol.Likelihood["likelihood_override"] = 2
	pol.Likelihood["override_without_findings"] = 4
	pol.Owners["toestemming"] = "Directeur"
	tests := []struct {
		name     string
		check    results.Check
		want     *results.Risk
		wantNone bool
	}{
		{name: "share 3% of 100 → likelihood 2",
			check: results.Check{ID: "a", Area: "toestemming", Status: "findings", Findings: findings(3, 0, 0), Risk: &results.Risk{Impact: 4, ImpactSource: "check", Population: 100}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", Likelihood: 2, LikelihoodSource: "share", Score: 8, Level: "medium", Affected: 3, Population: 100, Share: 0.03, Owner: "Directeur"}},
		{name: "accepted findings are not open, expired ones are",
			check: results.Check{ID: "a", Area: "bsn", Status: "findings", Findings: findings(10, 6, 2), Risk: &results.Risk{Impact: 5, ImpactSource: "check", Population: 10}},
			want:  &results.Risk{Impact: 5, ImpactSource: "check", Likelihood: 5, LikelihoodSource: "share", Score: 25, Level: "critical", Affected: 4, Population: 10, Share: 0.4, Owner: "Hoofd administratie"}},
		{name: "all accepted: no risk now",
			check: results.Check{ID: "a", Area: "bsn", Status: "findings", Findings: findings(2, 2, 0), Risk: &results.Risk{Impact: 5, ImpactSource: "check", Population: 10}},
			want:  &results.Risk{Impact: 5, ImpactSource: "check", Likelihood: 0, LikelihoodSource: "share", Score: 0, Level: "none", Affected: 0, Population: 10, Share: 0, Owner: "Hoofd administratie"}},
		{name: "passed",
			check: results.Check{ID: "a", Area: "rechten", Status: "passed", Findings: []results.Finding{}, Risk: &results.Risk{Impact: 2, ImpactSource: "check", Population: 7}},
			want:  &results.Risk{Impact: 2, ImpactSource: "check", LikelihoodSource: "share", Level: "none", Population: 7, Owner: "Privacycoördinator"}},
		{name: "more findings than records: share 100%",
			check: results.Check{ID: "a", Area: "toegang", Status: "findings", Findings: findings(12, 0, 0), Risk: &results.Risk{Impact: 1, ImpactSource: "check", Population: 4}},
			want:  &results.Risk{Impact: 1, ImpactSource: "check", Likelihood: 5, LikelihoodSource: "share", Score: 5, Level: "medium", Affected: 12, Population: 4, Share: 1, Owner: "Applicatiebeheerder"}},
		{name: "unknown population: likelihood 5, share 0",
			check: results.Check{ID: "a", Area: "eigen", Status: "findings", Findings: findings(1, 0, 0), Risk: &results.Risk{Impact: 3, ImpactSource: "check"}},
			want:  &results.Risk{Impact: 3, ImpactSource: "check", Likelihood: 5, LikelihoodSource: "share", Score: 15, Level: "high", Affected: 1, Owner: policy.FallbackOwner}},
		{name: "no population, the check's own likelihood",
			check: results.Check{ID: "a", Area: "bsn", Status: "findings", Findings: findings(2, 0, 0), Risk: &results.Risk{Impact: 4, ImpactSource: "check", FixedLikelihood: 3}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", Likelihood: 3, LikelihoodSource: "check", Score: 12, Level: "high", Affected: 2, FixedLikelihood: 3, Owner: "Hoofd administratie"}},
		{name: "the check's own likelihood gives way to the policy",
			check: results.Check{ID: "likelihood_override", Area: "bsn", Status: "findings", Findings: findings(2, 0, 0), Risk: &results.Risk{Impact: 4, ImpactSource: "check", FixedLikelihood: 3}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", Likelihood: 2, LikelihoodSource: "policy", Score: 8, Level: "medium", Affected: 2, FixedLikelihood: 3, Owner: "Hoofd administratie"}},
		{name: "the check's own likelihood needs open findings",
			check: results.Check{ID: "a", Area: "bsn", Status: "findings", Findings: findings(2, 2, 0), Risk: &results.Risk{Impact: 4, ImpactSource: "check", FixedLikelihood: 3}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", LikelihoodSource: "share", Level: "none", FixedLikelihood: 3, Owner: "Hoofd administratie"}},
		{name: "impact from the policy",
			check: results.Check{ID: "impact_override", Area: "bsn", Status: "findings", Findings: findings(1, 0, 0), Risk: &results.Risk{Impact: 2, ImpactSource: "check", Population: 1000}},
			want:  &results.Risk{Impact: 5, ImpactSource: "policy", Likelihood: 1, LikelihoodSource: "share", Score: 5, Level: "medium", Affected: 1, Population: 1000, Share: 0.001, Owner: "Hoofd administratie"}},
		{name: "likelihood from the policy",
			check: results.Check{ID: "likelihood_override", Area: "bsn", Status: "findings", Findings: findings(9, 0, 0), Risk: &results.Risk{Impact: 4, ImpactSource: "check", Population: 10}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", Likelihood: 2, LikelihoodSource: "policy", Score: 8, Level: "medium", Affected: 9, Population: 10, Share: 0.9, Owner: "Hoofd administratie"}},
		{name: "a fixed likelihood needs open findings",
			check: results.Check{ID: "override_without_findings", Area: "bsn", Status: "passed", Risk: &results.Risk{Impact: 4, ImpactSource: "check", Population: 10}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", LikelihoodSource: "share", Level: "none", Population: 10, Owner: "Hoofd administratie"}},
		{name: "ran without a risk: default impact",
			check: results.Check{ID: "a", Area: "bsn", Status: "findings", Findings: findings(1, 0, 0)},
			want:  &results.Risk{Impact: 3, ImpactSource: "check", Likelihood: 5, LikelihoodSource: "share", Score: 15, Level: "high", Affected: 1, Owner: "Hoofd administratie"}},
		// 47 photos of 7 children kept after withdrawal, among the photos of
		// 400 children (4,718 photos): 7 of 400 children, not 47 of 4,718
		// photos (1.0%, likelihood 1, "low").
		{name: "likelihood from the data subjects, not the rows",
			check: results.Check{ID: "a", Area: "toestemming", Severity: "high", Status: "findings", Findings: photos(47, 7), Risk: &results.Risk{Impact: 4, ImpactSource: "check", Population: 400}},
			want:  &results.Risk{Impact: 4, ImpactSource: "check", Likelihood: 2, LikelihoodSource: "share", Score: 8, Level: "medium", Affected: 7, Population: 400, Share: 0.0175, Owner: "Directeur"}},
		{name: "good practice is at most low",
			check: results.Check{ID: "a", Area: "toestemming", Severity: "info", Status: "findings", Findings: findings(90, 0, 0), Risk: &results.Risk{Impact: 2, ImpactSource: "check", Population: 100}},
			want:  &results.Risk{Impact: 1, ImpactSource: "check", Likelihood: 4, LikelihoodSource: "share", Score: 4, Level: "low", Affected: 90, Population: 100, Share: 0.9, Owner: "Directeur"}},
		{name: "good practice is at most low, whatever the policy",
			check: results.Check{ID: "impact_override", Area: "toestemming", Severity: "info", Status: "findings", Findings: findings(90, 0, 0), Risk: &results.Risk{Impact: 2, ImpactSource: "check", Population: 100}},
			want:  &results.Risk{Impact: 1, ImpactSource: "policy", Likelihood: 4, LikelihoodSource: "share", Score: 4, Level: "low", Affected: 90, Population: 100, Share: 0.9, Owner: "Directeur"}},
		{name: "not run: no risk", check: results.Check{ID: "a", Status: "not_run"}, wantNone: true},
		{name: "failed: no risk", check: results.Check{ID: "a", Status: "error"}, wantNone: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := &results.Run{Checks: []results.Check{tt.check}}
			risk.Score(run, pol)
			got := run.Checks[0].Risk
			if tt.wantNone {
				if got != nil {
					t.Fatalf("got %+v, want no risk", got)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("risk (-want +got):\n%s", diff)
			}
		})
	}
}

// photos makes n findings, one per photo, about the given number of
// children in turn.
func photos(n, children int) []results.Finding {
	out := make([]results.Finding, n)
	for i := range out {
		out[i] = results.Finding{Key: fmt.Sprintf("c|portal_photos|F%d", i), Table: "portal_photos", RecordKey: fmt.Sprintf("F%d", i),
			Subject: fmt.Sprintf("P%d", i%children)}
	}
	return out
}

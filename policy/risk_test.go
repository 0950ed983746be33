package policy_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
)

func TestParseRisk(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       func(*policy.Risk)
		err        string
	}{
		{name: "empty keeps defaults", yaml: "", want: func(*policy.Risk) {}},
		{name: "overrides", yaml: "risk:\n  impact: {photo_without_consent: 5}\n  likelihood: {request_overdue: 4}\n  likelihood_shares: [0.5, 2, 10, 30]\n",
			want: func(r *policy.Risk) {
				r.Impact["photo_without_consent"] = 5
				r.Likelihood["request_overdue"] = 4
				r.LikelihoodShares = []float64{0.5, 2, 10, 30}
			}},
		{name: "an owner keeps the other defaults", yaml: "risk:\n  owners:\n    toestemming: Directeur\n",
			want: func(r *policy.Risk) { r.Owners["toestemming"] = "Directeur" }},
		{name: "impact too high", yaml: "risk:\n  impact: {photo_without_consent: 6}\n", err: "risk.impact.photo_without_consent is 6; choose 1 (lowest) to 5 (highest)"},
		{name: "likelihood zero", yaml: "risk:\n  likelihood: {request_overdue: 0}\n", err: "risk.likelihood.request_overdue is 0"},
		{name: "three shares", yaml: "risk:\n  likelihood_shares: [1, 5, 15]\n", err: "risk.likelihood_shares has 3 value(s); give 4 percentages"},
		{name: "shares descend", yaml: "risk:\n  likelihood_shares: [1, 15, 5, 40]\n", err: "risk.likelihood_shares must ascend: 5 comes after 15"},
		{name: "share equal", yaml: "risk:\n  likelihood_shares: [1, 5, 5, 40]\n", err: "must ascend: 5 comes after 5"},
		{name: "share zero", yaml: "risk:\n  likelihood_shares: [0, 5, 15, 40]\n", err: "value 0 is not a percentage above 0 and at most 100"},
		{name: "share above 100", yaml: "risk:\n  likelihood_shares: [1, 5, 15, 140]\n", err: "value 140 is not a percentage"},
		{name: "empty owner", yaml: "risk:\n  owners: {bsn: ' '}\n", err: "risk.owners.bsn is empty"},
		{name: "unknown risk key", yaml: "risk:\n  impacts: {x: 1}\n", err: "field impacts not found"},
		{name: "impact not a number", yaml: "risk:\n  impact: {x: hoog}\n", err: "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := policy.Parse(strings.NewReader(tt.yaml))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := policy.DefaultRisk()
			tt.want(&want)
			if diff := cmp.Diff(want, p.Risk); diff != "" {
				t.Errorf("risk (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultsAreFresh makes sure a parsed policy cannot change the
// defaults of the next one (the maps are decoded into).
func TestDefaultsAreFresh(t *testing.T) {
	if _, err := policy.Parse(strings.NewReader("risk:\n  owners: {bsn: Iemand}\n  impact: {x: 2}\n")); err != nil {
		t.Fatal(err)
	}
	d := policy.Default().Risk
	if d.Owners["bsn"] != "Hoofd administratie" || len(d.Impact) != 0 {
		t.Errorf("defaults changed by a parse: %+v", d)
	}
}

// TestDefaultOwnersCoverTheCatalogue keeps the default owners in step with
// the areas of the built-in catalogue.
func TestDefaultOwnersCoverTheCatalogue(t *testing.T) {
	got := slices.Sorted(maps.Keys(policy.Default().Risk.Owners))
	want := slices.Sorted(slices.Values(queries.Areas))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("default owners (-areas +owners):\n%s", diff)
	}
}

func TestCheckKeys(t *testing.T) {
	ids := []string{"request_overdue", "photo_without_consent"}
	tests := []struct{ name, yaml, err string }{
		{"known", "risk:\n  impact: {photo_without_consent: 5}\n  likelihood: {request_overdue: 2}\n", ""},
		{"unknown impact id", "risk:\n  impact: {foto_zonder_toestemming: 5}\n",
			`policy: risk.impact.foto_zonder_toestemming: there is no check "foto_zonder_toestemming"; check ids: photo_without_consent, request_overdue`},
		{"unknown likelihood id", "risk:\n  likelihood: {nope: 2}\n", `risk.likelihood.nope: there is no check "nope"`},
		{"unknown area", "risk:\n  owners: {camera: Beheerder}\n", `policy: risk.owners.camera: there is no area "camera"; areas: bewaartermijnen, bijzondere_gegevens, bsn`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := policy.Parse(strings.NewReader(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			err = p.Risk.CheckKeys(ids, queries.Areas)
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("got %v, want error containing %q", err, tt.err)
			}
		})
	}
}

func TestOwner(t *testing.T) {
	r := policy.DefaultRisk()
	if got := r.Owner("datalekken"); got != "Privacycoördinator" {
		t.Errorf("datalekken: %q", got)
	}
	if got := r.Owner("eigen_gebied"); got != policy.FallbackOwner {
		t.Errorf("an area without owner: %q, want %q", got, policy.FallbackOwner)
	}
}

func TestRiskSettings(t *testing.T) {
	p, err := policy.Parse(strings.NewReader("risk:\n  impact: {b: 5, a: 1}\n  likelihood_shares: [0.5, 5, 15, 40]\n  owners: {bsn: Directeur}\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var keys []string
	for _, s := range p.RiskSettings() {
		got[s.Key] = s.Value
		keys = append(keys, s.Key)
		if s.Doc == "" {
			t.Errorf("%s has no doc", s.Key)
		}
	}
	for key, want := range map[string]string{
		"risk.likelihood_shares": "0.5, 5, 15, 40", "risk.impact.a": "1", "risk.impact.b": "5",
		"risk.owners.bsn": "Directeur", "risk.owners.toestemming": "Locatiemanager",
	} {
		if got[key] != want {
			t.Errorf("%s = %q, want %q", key, got[key], want)
		}
	}
	if keys[1] != "risk.impact.a" || keys[2] != "risk.impact.b" {
		t.Errorf("settings not in a fixed order: %v", keys)
	}
	for _, prm := range p.Params() {
		if strings.HasPrefix(prm.Name, "risk.") {
			t.Errorf("%s is a risk setting, not an SQL variable", prm.Name)
		}
	}
}

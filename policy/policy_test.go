package policy_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/policy"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       policy.Retention
		err        string
	}{
		{"empty keeps defaults", "", policy.Default().Retention, ""},
		{"override one", "retention:\n  portal_months: 12\n", portal12(), ""},
		{"unknown key", "retention:\n  portal_maanden: 12\n", policy.Retention{}, "field portal_maanden not found"},
		{"negative", "retention:\n  invoice_years: -1\n", policy.Retention{}, "retention.invoice_years is -1; a period must be 0 or more"},
		{"not a number", "retention:\n  invoice_years: zeven\n", policy.Retention{}, "cannot unmarshal"},
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
			if p.Retention != tt.want {
				t.Errorf("got %+v, want %+v", p.Retention, tt.want)
			}
		})
	}
}

func TestParamsDocumentSources(t *testing.T) {
	for _, p := range policy.Default().Params() {
		if !strings.Contains(p.Doc, "default") {
			t.Errorf("%s: the doc must name the default and its source: %q", p.Name, p.Doc)
		}
		if !strings.Contains(p.DocNL, "standaard") {
			t.Errorf("%s: the Dutch doc must name the default (standaard) and its source: %q", p.Name, p.DocNL)
		}
	}
}

// TestEverySettingExplainedInBothLanguages checks that every setting the
// reports list (the SQL variables and each kind of risk setting) has an
// English and a Dutch explanation, and that the Dutch one is not a copy of
// the English.
func TestEverySettingExplainedInBothLanguages(t *testing.T) {
	p, err := policy.Parse(strings.NewReader("risk:\n  impact: {a: 5}\n  likelihood: {b: 2}\n  owners: {bsn: Directeur}\n"))
	if err != nil {
		t.Fatal(err)
	}
	type doc struct{ key, en, nl string }
	var docs []doc
	for _, prm := range p.Params() {
		docs = append(docs, doc{prm.Name, prm.Doc, prm.DocNL})
	}
	kinds := map[string]bool{}
	for _, s := range p.RiskSettings() {
		docs = append(docs, doc{s.Key, s.Doc, s.DocNL})
		kinds[riskKind(s)] = true
	}
	for _, kind := range []string{"risk.likelihood_shares", "risk.impact", "risk.likelihood", "risk.owners (default)", "risk.owners (policy)"} {
		if !kinds[kind] {
			t.Errorf("no %s setting was checked", kind)
		}
	}
	for _, d := range docs {
		switch {
		case strings.TrimSpace(d.en) == "":
			t.Errorf("%s has no English explanation", d.key)
		case strings.TrimSpace(d.nl) == "":
			t.Errorf("%s has no Dutch explanation", d.key)
		case d.en == d.nl:
			t.Errorf("%s: the Dutch explanation is the English one: %q", d.key, d.nl)
		}
	}
}

// riskKind names the kind of a risk setting: its key without the check id
// or area, an owner marked by whether the policy kept the default.
func riskKind(s policy.Setting) string {
	if area, ok := strings.CutPrefix(s.Key, "risk.owners."); ok {
		if s.Value == policy.DefaultRisk().Owners[area] {
			return "risk.owners (default)"
		}
		return "risk.owners (policy)"
	}
	if s.Key == "risk.likelihood_shares" {
		return s.Key
	}
	return s.Key[:strings.LastIndex(s.Key, ".")]
}

func portal12() policy.Retention {
	r := policy.Default().Retention
	r.PortalMonths = 12
	return r
}

func TestListParam(t *testing.T) {
	p, err := policy.Parse(strings.NewReader("access:\n  all_groups_roles: [Beheerder, ' Locatiemanager ', \"o'Neill\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, prm := range p.Params() {
		if prm.Name != "access.all_groups_roles" {
			continue
		}
		if got, want := prm.SQL(), "['beheerder', 'locatiemanager', 'o''neill']::VARCHAR[]"; got != want {
			t.Errorf("SQL() = %s, want %s", got, want)
		}
		if got, want := prm.String(), "beheerder, locatiemanager, o'neill"; got != want {
			t.Errorf("String() = %s, want %s", got, want)
		}
		return
	}
	t.Fatal("no access.all_groups_roles parameter")
}

var update = flag.Bool("update", false, "rewrite docs/policy.md from the policy")

// TestMarkdown keeps docs/policy.md in step with the settings.
func TestMarkdown(t *testing.T) {
	const docPath = "../docs/policy.md"
	got := policy.Markdown()
	if *update {
		if err := os.WriteFile(docPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("%v (run go test ./policy -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is out of date; run go test ./policy -update", docPath)
	}
}

// TestEveryParamHasAKey checks that each setting names where it is set and
// that the key is accepted in a policy file.
func TestEveryParamHasAKey(t *testing.T) {
	for _, prm := range policy.Default().Params() {
		section, key, ok := strings.Cut(prm.Name, ".")
		if !ok {
			t.Errorf("%s: key %q is not section.key", prm.Name, prm.Name)
			continue
		}
		value := "1"
		switch {
		case strings.HasSuffix(key, "_by_system"):
			value = "{KIJK!: [a]}"
		case prm.IsList:
			value = "[a]"
		}
		if _, err := policy.Parse(strings.NewReader(section + ":\n  " + key + ": " + value + "\n")); err != nil {
			t.Errorf("%s: %v", prm.Name, err)
		}
	}
}

// TestAllGroupsRolesBySystem: the per-system matrix reaches the checks as
// "system=role", lower case and trimmed, sorted.
func TestAllGroupsRolesBySystem(t *testing.T) {
	p, err := policy.Parse(strings.NewReader("access:\n  all_groups_roles_by_system:\n    ' KIJK! ': [Pedagogisch coach, Beheerder]\n    Konnect: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, prm := range p.Params() {
		if prm.Name == "access.all_groups_roles_by_system" {
			if got, want := prm.SQL(), "['kijk!=beheerder', 'kijk!=pedagogisch coach', 'konnect=']::VARCHAR[]"; got != want {
				t.Errorf("SQL() = %s, want %s", got, want)
			}
			return
		}
	}
	t.Fatal("no access.all_groups_roles_by_system parameter")
}

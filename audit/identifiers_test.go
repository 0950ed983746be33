package audit_test

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
)

// sampleRun audits the built-in sample organisation.
func sampleRun(t *testing.T) *results.Run {
	t.Helper()
	org, err := fs.Sub(samples.Org, "org")
	if err != nil {
		t.Fatal(err)
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: org, Dir: ".", Today: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// TestSampleIdentifiersAndRisk checks what the audit collects for scrubbing
// (personal values and person ids, not ids of things) and that it scores
// every check that ran.
func TestSampleIdentifiersAndRisk(t *testing.T) {
	run := sampleRun(t)
	kinds := map[string]string{}
	for i, id := range run.Identifiers {
		if i > 0 && run.Identifiers[i-1].Value >= id.Value {
			t.Fatalf("identifiers not sorted and distinct: %q before %q", run.Identifiers[i-1].Value, id.Value)
		}
		if len([]rune(id.Value)) < 3 {
			t.Errorf("identifier %q is shorter than 3 characters", id.Value)
		}
		kinds[id.Value] = id.Kind
	}
	want := map[string]string{
		"Hiba": "name", "de Boer": "name", "Charlotte Ramdin": "name", "Lisa de Vries": "name",
		"2011-02-10": "birth_date", "10-02-2011": "birth_date", "10-2-2011": "birth_date", "10 februari 2011": "birth_date", "10 February 2011": "birth_date",
		"charlotte.ramdin@example.com": "contact", "06-82503209": "contact", "Lindelaan 95": "contact", "4939 CJ": "contact",
		"NL19TRIO4920975663": "bank_account",
		"K0001":              "id", "O0001": "id", "KJ0001": "id",
	}
	for v, k := range want {
		if kinds[v] != k {
			t.Errorf("identifier %q: kind %q, want %q", v, kinds[v], k)
		}
	}
	for _, v := range []string{"FAC-2017-00001", "Havenkwartier", "Ontdekkers", "Kidsadmin"} {
		if _, ok := kinds[v]; ok {
			t.Errorf("%q is collected as an identifier, but identifies no one", v)
		}
	}

	scored := 0
	for _, c := range run.Checks {
		ran := c.Status == results.StatusPassed || c.Status == results.StatusFindings
		if ran != (c.Risk != nil) {
			t.Errorf("%s (%s): risk %+v", c.ID, c.Status, c.Risk)
		}
		if c.Risk != nil && c.Risk.Owner == "" {
			t.Errorf("%s has no risk owner", c.ID)
		}
		if c.Risk != nil && c.Risk.Score > 0 {
			scored++
		}
	}
	if scored == 0 {
		t.Error("no check of the sample has a risk score")
	}
	if !slices.ContainsFunc(run.Policy, func(p results.Param) bool {
		return p.Name == "risk.owners.toestemming" && p.Value == "Locatiemanager"
	}) {
		t.Error("the run's policy does not list the risk owners")
	}
	for _, p := range run.Policy {
		if p.Doc.NL == "" || p.Doc.EN == "" || p.Doc.NL == p.Doc.EN {
			t.Errorf("policy setting %s: explanation %+v, want a Dutch and a different English one", p.Name, p.Doc)
		}
	}
}

// TestPolicyRiskKeys checks that a risk override for a check or area the
// catalogue does not have stops the audit with the policy file and key.
func TestPolicyRiskKeys(t *testing.T) {
	tests := []struct{ name, policy, err string }{
		{"unknown check", "risk:\n  impact: {foto_zonder_toestemming: 5}\n", `policy.yaml: policy: risk.impact.foto_zonder_toestemming: there is no check "foto_zonder_toestemming"; check ids: `},
		{"unknown area", "risk:\n  owners: {camera: Directeur}\n", `policy.yaml: policy: risk.owners.camera: there is no area "camera"`},
		{"own check's area", "risk:\n  owners: {test: Directeur}\n  impact: {finds: 2}\n", ""},
		{"built-in check not selected", "risk:\n  likelihood: {request_overdue: 2}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := source()
			src["manifest.yaml"] = &fstest.MapFile{Data: []byte(manifestYAML + "policy: policy.yaml\n")}
			src["policy.yaml"] = &fstest.MapFile{Data: []byte(tt.policy)}
			checks := []queries.Check{check(t, "finds", "portal_photos", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
				'm' AS message_nl, 'm' AS message_en FROM portal_photos`)}
			run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", Today: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r := run.Checks[0].Risk; tt.name == "own check's area" && (r.Owner != "Directeur" || r.Impact != 2 || r.ImpactSource != "policy") {
				t.Errorf("risk %+v, want owner Directeur and impact 2 from the policy", r)
			}
		})
	}
}

// TestResolvedIdentifiers checks that the personal values of last year's
// findings that are resolved now are scrubbed from the risk report, also
// when their records have been deleted from the exports since (the child
// PK0077 is in no export any more).
func TestResolvedIdentifiers(t *testing.T) {
	dir := registerSource(t, "previous: historie\n", "")
	c := results.Check{ID: "finds", Status: results.StatusFindings, Columns: []string{"portal_child_id", "given_by", "posted_at"}}
	c.Findings = []results.Finding{{
		Key: "finds|portal_photos|F5", System: "portal", Table: "portal_photos", RecordKey: "F5", File: "photos.csv", Row: 6,
		Message: results.Text{NL: "Foto van kind PK0077, toestemming van Jan Jansen op 2026-03-04", EN: "Photo of child PK0077, consent by Jan Jansen on 2026-03-04"},
		Values:  []string{"PK0077", "Jan Jansen", "2026-03-04"},
	}}
	prev := &results.Run{SchemaVersion: results.SchemaVersion, Audience: results.AudienceFG, AsOf: "2026-09-01",
		Tool: results.Tool{Name: "avgaudit", Version: "0.1.0"}, Checks: []results.Check{c}}
	checks := []queries.Check{check(t, "finds", "portal_photos", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
		portal_child_id, 'FG' AS given_by, posted_at, 'm' AS message_nl, 'm' AS message_en FROM portal_photos`)}
	run, err := auditFlat(context.Background(), audit.Options{Source: os.DirFS(dir), Dir: ".",
		AsOf: time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks, Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if run.Summary.Resolved != 1 {
		t.Fatalf("resolved %d, want 1", run.Summary.Resolved)
	}
	p, _ := pseudonym.New(pseudonym.SampleKey)
	view, err := audience.Risk(run, p).Run("nl")
	if err != nil {
		t.Fatal(err)
	}
	risk := view.Flat()
	got := risk.Checks[0].Resolved[0].Message
	want := results.Text{NL: "Foto van kind [kenmerk], toestemming van [naam] op 2026-03-04", EN: "Photo of child [identifier], consent by [name] on 2026-03-04"}
	if got != want {
		t.Errorf("resolved message in the risk report = %+v, want %+v", got, want)
	}
}

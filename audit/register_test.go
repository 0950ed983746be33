package audit_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/acceptance"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/trend"
)

// registerSource writes a source directory with four photos, a registers
// sheet of accepted risks and, when yaml is not empty, a register file;
// manifestExtra is added to the manifest's top level.
func registerSource(t *testing.T, manifestExtra, yaml string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"manifest.yaml": "version: 1\norganisation: Test\n" + manifestExtra + `systems:
  portal:
    product: Konnect
    files:
      - {file: photos.csv, table: portal_photos}
  register:
    product: Excel
    files:
      - file: registers/risicos.csv
        table: accepted_risks
        columns: {Controle: check_id, Record: record_key, Onderbouwing: justification, Goedgekeurd door: approved_by, Goedgekeurd op: approved_on, Geldig tot: expires_on}
`,
		"photos.csv": "photo_id,portal_child_id,posted_at\nF1,P1,2027-01-01 10:00\nF2,P1,2027-01-02 10:00\nF3,P2,2027-01-03 10:00\nF4,P2,2027-01-04 10:00\n",
		"registers/risicos.csv": "Controle,Record,Onderbouwing,Goedgekeurd door,Goedgekeurd op,Geldig tot\n" +
			"finds,F2,Verlopen acceptatie,FG,01-01-2026,31-08-2027\n" +
			"finds,F9,Foto bestaat niet meer,FG,01-01-2027,31-12-2027\n",
	}
	if yaml != "" {
		files["risicos.yaml"] = yaml
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const registerYAML = `accepted_risks:
  - check: finds
    record: "F?"
    justification: Foto's van de open dag
    approved_by: FG
    approved_on: 2027-01-01
    expires_on: 2027-09-01
`

func findsCheck(t *testing.T) []queries.Check {
	return []queries.Check{check(t, "finds", "portal_photos", `SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row,
		'm' AS message_nl, 'm' AS message_en FROM portal_photos`)}
}

// lastYear saves last year's run into dir/historie: findings F2 and F5.
func lastYear(t testing.TB, dir string, pseudonymise *pseudonym.Pseudonymiser) string {
	t.Helper()
	c := results.Check{ID: "finds", Status: results.StatusFindings}
	for i, k := range []string{"F2", "F5"} {
		f := results.Finding{Key: "finds|portal_photos|" + k, Table: "portal_photos", RecordKey: k, File: "photos.csv", Row: i + 2}
		if pseudonymise != nil {
			f.Key = pseudonymise.FindingKey(c.ID, f)
			f.RecordKey = pseudonymise.Of(f.Table, f.RecordKey)
		}
		c.Findings = append(c.Findings, f)
	}
	r := &results.Run{SchemaVersion: results.SchemaVersion, Audience: results.AudienceFG, AsOf: "2026-09-01",
		Tool: results.Tool{Name: "avgaudit", Version: "0.0.9"}, Checks: []results.Check{c}}
	if pseudonymise != nil {
		r.Audience = results.AudienceRisk
		r.Pseudonymisation = &results.Pseudonymisation{Method: pseudonym.Method, KeyID: pseudonymise.KeyID()}
	}
	path, err := trend.Save(filepath.Join(dir, "historie"), r, func(w io.Writer, r *results.Run) error {
		return json.NewEncoder(w).Encode(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// outcome lists per finding its trend and acceptance, the register's
// statuses, and the resolved findings.
func registerOutcome(run *results.Run) []string {
	var out []string
	for _, c := range run.Checks {
		for _, f := range c.Findings {
			s := f.RecordKey + " " + f.Trend
			if f.Acceptance != nil {
				s += " " + f.Acceptance.ID + ":" + f.Acceptance.Status
			}
			out = append(out, s)
		}
		for _, f := range c.Resolved {
			out = append(out, f.RecordKey+" "+f.Trend)
		}
	}
	for _, a := range run.Acceptances {
		out = append(out, fmt.Sprintf("%s %s %s %d", a.ID, a.Source, a.Status, a.Matched))
	}
	return out
}

// TestAuditRegisterAndPrevious runs an audit whose manifest names an
// accepted-risk register file and a history folder, with a register sheet
// as well.
func TestAuditRegisterAndPrevious(t *testing.T) {
	dir := registerSource(t, "accepted_risks: risicos.yaml\nprevious: historie\n", registerYAML)
	historyFile := lastYear(t, dir, nil)
	run, err := auditFlat(context.Background(), audit.Options{Source: os.DirFS(dir), Dir: ".", AsOf: time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC), Checks: findsCheck(t)})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"F1 new A1:accepted",
		"F2 persisting A1:accepted", // A1 in force beats the expired A2
		"F3 new A1:accepted",
		"F4 new A1:accepted",
		"F5 resolved",
		"A1 risicos.yaml:2 accepted 4",
		"A2 registers/risicos.csv row 2 expired 1",
		"A3 registers/risicos.csv row 3 stale 0",
	}
	if diff := cmp.Diff(want, registerOutcome(run)); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}
	data, _ := os.ReadFile(historyFile)
	prev, _ := trend.Read("x", data)
	if p := run.Previous; p == nil || p.File != "2026-09-01.json" || p.SHA256 != prev.SHA256 || p.AsOf != "2026-09-01" || p.Tool.Version != "0.0.9" {
		t.Errorf("run.Previous = %+v", p)
	}
	last := run.Inputs[len(run.Inputs)-1]
	if last.File != "risicos.yaml" || last.Table != "accepted_risks" || last.RowsLoaded != 1 || len(last.SHA256) != 64 {
		t.Errorf("register file input = %+v", last)
	}
	if s := run.Summary; s.Open != 0 || s.Accepted != 4 || s.New != 3 || s.Persisting != 1 || s.Resolved != 1 {
		t.Errorf("summary = %+v", s)
	}
}

// TestAuditOptionsOverride checks that the register file and previous run
// given in the options win over the manifest's, and that a pseudonymised
// previous run is compared with the key given.
func TestAuditOptionsOverride(t *testing.T) {
	dir := registerSource(t, "accepted_risks: bestaat-niet.yaml\nprevious: bestaat-niet.json\n", "")
	other := t.TempDir()
	yamlFile := filepath.Join(other, "eigen.yaml")
	if err := os.WriteFile(yamlFile, []byte(strings.ReplaceAll(registerYAML, `"F?"`, "F1")), 0o600); err != nil {
		t.Fatal(err)
	}
	p, _ := pseudonym.New(pseudonym.SampleKey)
	prevFile := lastYear(t, other, p)
	opt := audit.Options{Source: os.DirFS(dir), Dir: ".", AsOf: time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC), Checks: findsCheck(t),
		AcceptedFile: yamlFile, PreviousFile: prevFile, Pseudonymiser: p}
	run, err := auditFlat(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"F1 new A1:accepted",
		"F2 persisting A2:expired",
		"F3 new",
		"F4 new",
		p.Of("portal_photos", "F5") + " resolved",
		"A1 " + yamlFile + ":2 accepted 1",
		"A2 registers/risicos.csv row 2 expired 1",
		"A3 registers/risicos.csv row 3 stale 0",
	}
	if diff := cmp.Diff(want, registerOutcome(run)); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}

	// The run read by the caller, identified by its file.
	prev, err := trend.ReadFile(prevFile)
	if err != nil {
		t.Fatal(err)
	}
	opt.Previous, opt.PreviousFile = prev.Run, prevFile
	run, err = auditFlat(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if run.Previous.File != "2026-09-01.json" || run.Previous.SHA256 != prev.SHA256 || run.Summary.Persisting != 1 {
		t.Errorf("previous %+v, summary %+v", run.Previous, run.Summary)
	}
}

// TestAuditRegisterErrors checks that a bad register or previous run stops
// the audit with every problem named.
func TestAuditRegisterErrors(t *testing.T) {
	asOf := time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)
	p, _ := pseudonym.New(pseudonym.SampleKey)
	tests := []struct {
		name     string
		manifest string
		yaml     string
		setup    func(t *testing.T, dir string, opt *audit.Options)
		want     []string
	}{
		{name: "bad register file", manifest: "accepted_risks: risicos.yaml\n",
			yaml: "accepted_risks:\n  - check: findz\n    approved_on: 2027-02-30\n",
			want: []string{
				"the accepted-risk register has 5 errors",
				"risicos.yaml:2: entry 1: check \"findz\" does not exist (did you mean \"finds\"?)",
				"risicos.yaml:2: entry 1: justification is missing",
				"risicos.yaml:3: entry 1: approved_on \"2027-02-30\" is not a date; write it as 2027-02-28",
			}},
		{name: "missing register file", manifest: "accepted_risks: risicos.yaml\n",
			want: []string{"manifest.yaml: accepted_risks: open risicos.yaml: no such file or directory"}},
		{name: "missing previous", manifest: "previous: vorig-jaar.json\n",
			want: []string{"manifest.yaml: previous: read previous results: stat vorig-jaar.json: no such file or directory"}},
		{name: "bad register sheet", setup: func(_ *testing.T, dir string, _ *audit.Options) {
			f := filepath.Join(dir, "registers", "risicos.csv")
			data, _ := os.ReadFile(f)
			_ = os.WriteFile(f, append(data, "bestaat_niet,,Reden,FG,01-01-2027,31-12-2026\n"...), 0o600)
		}, want: []string{
			"the accepted-risk register has 2 errors",
			`registers/risicos.csv row 4: check "bestaat_niet" does not exist; ` + "`avgaudit checks` lists the check ids",
			"registers/risicos.csv row 4: it expires on 2026-12-31, before it was approved on 2027-01-01; are the two dates swapped?",
		}},
		{name: "pseudonymised previous without key", setup: func(t *testing.T, dir string, opt *audit.Options) {
			opt.PreviousFile = lastYear(t, dir, p)
		}, want: []string{"2026-09-01.json: last year's results have pseudonymised record keys, and no pseudonym key was given"}},
		{name: "previous folder without an earlier run", setup: func(t *testing.T, dir string, opt *audit.Options) {
			opt.PreviousFile = filepath.Join(dir, "historie")
			lastYear(t, dir, nil)
			opt.AsOf = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
		}, want: []string{"historie holds no results of an audit before 2026-09-01"}},
		{name: "previous not older", setup: func(t *testing.T, dir string, opt *audit.Options) {
			opt.AsOf = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
			opt.PreviousFile = lastYear(t, dir, nil)
		}, want: []string{"the previous results are as of 2026-09-01, not before this audit (as of 2026-09-01)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := registerSource(t, tt.manifest, tt.yaml)
			opt := audit.Options{Source: os.DirFS(dir), Dir: ".", AsOf: asOf, Checks: findsCheck(t)}
			if tt.setup != nil {
				tt.setup(t, dir, &opt)
			}
			_, err := auditFlat(context.Background(), opt)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
			var regErr *acceptance.Error
			if strings.Contains(tt.name, "register") && !strings.Contains(tt.name, "missing") && !errors.As(err, &regErr) {
				t.Errorf("error %T is not an *acceptance.Error", err)
			}
		})
	}
}

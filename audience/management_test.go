package audience

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
)

func TestAreaNames(t *testing.T) {
	for _, a := range queries.Areas {
		if n := AreaName(a); n.NL == a || n.EN == a {
			t.Errorf("area %q has no Dutch and English name: %+v", a, n)
		}
	}
	if got := AreaName("eigen"); got != (results.Text{NL: "eigen", EN: "eigen"}) {
		t.Errorf("AreaName(eigen) = %+v, want the code", got)
	}
}

// findings makes n open findings and acc accepted ones.
func findings(n, acc int) []results.Finding {
	var fs []results.Finding
	for i := 0; i < n+acc; i++ {
		f := results.Finding{Key: "k", RecordKey: "K0001"}
		if i >= n {
			f.Acceptance = &results.FindingAcceptance{ID: "A1", Status: results.AcceptanceAccepted}
		}
		fs = append(fs, f)
	}
	return fs
}

func check(id, area, sev string, open, acc, impact, likelihood int, prev *results.CheckCounts) results.Check {
	c := results.Check{ID: id, Area: area, Severity: sev, Title: results.Text{NL: id + " nl", EN: id + " en"},
		Status: results.StatusPassed, Findings: findings(open, acc), Previous: prev}
	if open+acc > 0 {
		c.Status = results.StatusFindings
	}
	c.Risk = &results.Risk{Impact: impact, Likelihood: likelihood, Score: impact * likelihood, Level: risk.LevelOf(impact * likelihood),
		Affected: open, Population: 100, Owner: "Owner " + area}
	return c
}

func prevCounts(open int) *results.CheckCounts {
	return &results.CheckCounts{Status: results.StatusFindings, Findings: open, Open: open}
}

func testRun() *results.Run {
	notRun := results.Check{ID: "z_not_run", Area: "bsn", Severity: "high", Status: results.StatusNotRun,
		Title: results.Text{NL: "niet", EN: "not"}, Reason: &results.Text{NL: "geen data", EN: "no data"}}
	return &results.Run{
		Organisation: "Opvang 111222333",
		AsOf:         "2026-09-01",
		Previous:     &results.PreviousRun{AsOf: "2025-09-01"},
		Checks: []results.Check{
			check("a_consent", "toestemming", "high", 12, 0, 5, 4, prevCounts(20)),
			check("b_consent", "toestemming", "medium", 3, 0, 4, 2, prevCounts(3)),
			check("c_retention", "bewaartermijnen", "medium", 0, 6, 3, 0, prevCounts(6)),
			check("d_retention", "bewaartermijnen", "low", 0, 0, 2, 0, prevCounts(2)),
			check("e_own", "eigen", "info", 7, 0, 3, 5, nil),
			check("f_access", "toegang", "high", 2, 0, 5, 4, prevCounts(0)),
			notRun,
		},
		Acceptances: []results.Acceptance{
			{ID: "A1", Status: results.AcceptanceAccepted, RecordKey: "K0001", Justification: "Petra Kok"},
			{ID: "A2", Status: results.AcceptanceExpired},
			{ID: "A3", Status: results.AcceptanceStale},
			{ID: "A4", Status: results.AcceptanceStale},
		},
		Inputs: []results.Input{{RowsRead: 1000, RowsRejected: 3}, {RowsRead: 200, RowsRejected: 0}},
	}
}

func TestManagement(t *testing.T) {
	s := Management(testRun())
	if s.SchemaVersion != ManagementSchemaVersion || s.Audience != "management" || s.PreviousAsOf != "2025-09-01" {
		t.Errorf("header %d %q %q", s.SchemaVersion, s.Audience, s.PreviousAsOf)
	}
	if s.Organisation != "Opvang *****2333" {
		t.Errorf("organisation %q, want the BSN masked", s.Organisation)
	}

	type row struct{ ID, Status, Open, Accepted, Prev, Trend, Level string }
	var got []row
	for _, c := range s.Checks {
		prev := "-"
		if c.PreviousOpen != nil {
			prev = c.PreviousOpen.Shown
		}
		got = append(got, row{c.ID, c.Status, c.Open.Shown, c.Accepted.Shown, prev, c.Trend, c.Level})
	}
	want := []row{
		{"a_consent", "open", "12", "0", "20", "down", "critical"},
		{"b_consent", "open", "< 5", "0", "< 5", "similar", "medium"},
		{"c_retention", "accepted", "0", "6", "6", "down", "none"},
		{"d_retention", "resolved", "0", "0", "< 5", "down", "none"},
		{"z_not_run", "not_run", "0", "0", "-", "", "none"},
		{"f_access", "open", "< 5", "0", "0", "new", "critical"},
		{"e_own", "open", "7", "0", "-", "new", "high"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("checks (-want +got):\n%s", diff)
	}

	type arow struct {
		Code, Name                    string
		Checks, Run, Open             int
		OpenShown, Prev, Trend, Level string
	}
	var areas []arow
	for _, a := range s.Areas {
		prev := "-"
		if a.PreviousOpen != nil {
			prev = a.PreviousOpen.Shown
		}
		areas = append(areas, arow{a.Code, a.Name.EN, a.Checks, a.ChecksRun, a.ChecksOpen, a.Open.Shown, prev, a.Trend, a.Level})
	}
	wantAreas := []arow{
		{"toestemming", "Consent", 2, 2, 2, "13–16", "21–24", "down", "critical"},
		{"bewaartermijnen", "Retention periods", 2, 2, 0, "0", "7–10", "down", "none"},
		{"bsn", "Use of the citizen service number (BSN)", 1, 0, 0, "0", "-", "", "none"},
		{"toegang", "Access and accounts", 1, 1, 1, "< 5", "0", "new", "critical"},
		// e_own is good practice: its 7 open findings are recommendations.
		{"eigen", "eigen", 1, 1, 0, "0", "0", "same", "high"},
	}
	if diff := cmp.Diff(wantAreas, areas); diff != "" {
		t.Errorf("areas (-want +got):\n%s", diff)
	}

	tt := s.Totals
	if tt.Checks != 7 || tt.ChecksRun != 6 || tt.ChecksOpen != 3 || tt.ChecksNotRun != 1 || tt.HighRisks != 3 ||
		tt.Open.Shown != "17" || tt.Recommendations.Shown != "7" || tt.Accepted.Shown != "6" || tt.PreviousOpen.Shown != "31" || tt.Trend != "down" {
		t.Errorf("totals %+v (open %s, prev %s)", tt, tt.Open.Shown, tt.PreviousOpen.Shown)
	}
	bySeverity := map[string]string{}
	for sev, c := range tt.OpenBySeverity {
		bySeverity[sev] = c.Shown
	}
	// 12 + 2 high (the 2 is not shown exactly), 3 medium, none low; the
	// good-practice findings are not among them.
	if diff := cmp.Diff(map[string]string{"high": "13–16", "medium": "< 5", "low": "0"}, bySeverity); diff != "" {
		t.Errorf("open findings by severity (-want +got):\n%s", diff)
	}

	var top []string
	for _, c := range s.TopRisks {
		top = append(top, c.ID)
	}
	if diff := cmp.Diff([]string{"a_consent", "f_access", "e_own", "b_consent"}, top); diff != "" {
		t.Errorf("top risks (-want +got):\n%s", diff)
	}

	if len(s.Matrix) != 25 {
		t.Fatalf("matrix has %d cells, want 25", len(s.Matrix))
	}
	first, last := s.Matrix[0], s.Matrix[24]
	if first.Impact != 5 || first.Likelihood != 1 || last.Impact != 1 || last.Likelihood != 5 {
		t.Errorf("matrix runs from %d×%d to %d×%d, want 5×1 to 1×5", first.Impact, first.Likelihood, last.Impact, last.Likelihood)
	}
	placed := 0
	for _, c := range s.Matrix {
		placed += len(c.Checks)
		if c.Level != risk.LevelOf(c.Score) {
			t.Errorf("cell %d×%d has level %q", c.Impact, c.Likelihood, c.Level)
		}
	}
	if cell := s.Matrix[3]; len(cell.Checks) != 2 || cell.Checks[0].ID != "a_consent" || cell.Checks[1].ID != "f_access" {
		t.Errorf("cell 5×4 holds %+v, want a_consent and f_access", cell.Checks)
	}
	if placed != 4 {
		t.Errorf("the matrix places %d checks, want the 4 with open findings", placed)
	}

	if s.Acceptances != (AcceptanceCounts{Accepted: 1, Expired: 1, Stale: 2}) {
		t.Errorf("acceptances %+v", s.Acceptances)
	}
	dq := s.DataQuality
	if dq.Files != 2 || dq.RowsRead.Shown != "1200" || dq.RowsRejected.Shown != "< 5" || dq.RejectedPercent != nil ||
		len(dq.ChecksNotRun) != 1 || dq.ChecksNotRun[0].ID != "z_not_run" {
		t.Errorf("data quality %+v", dq)
	}
}

// TestManagementHoldsNoPersonalData: the summary as JSON has none of the
// run's record keys, justifications or exact small counts.
func TestManagementHoldsNoPersonalData(t *testing.T) {
	b, err := json.Marshal(Management(testRun()))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"K0001", "Petra Kok", "111222333", `"value":1,`, `"value":2,`, `"value":3,`, `"value":4,`} {
		if strings.Contains(string(b), bad) {
			t.Errorf("the summary contains %s:\n%s", bad, b)
		}
	}
}

func TestManagementWithoutPrevious(t *testing.T) {
	run := testRun()
	run.Previous = nil
	s := Management(run)
	if s.PreviousAsOf != "" || s.Totals.PreviousOpen != nil || s.Totals.Trend != "" {
		t.Errorf("totals without a previous run: %+v", s.Totals)
	}
	for _, c := range s.Checks {
		if c.PreviousOpen != nil || c.Trend != "" {
			t.Errorf("check %s has a trend without a previous run: %q", c.ID, c.Trend)
		}
	}
	for _, a := range s.Areas {
		if a.PreviousOpen != nil || a.Trend != "" {
			t.Errorf("area %s has a trend without a previous run: %q", a.Code, a.Trend)
		}
	}
	empty := Management(&results.Run{})
	if empty.Checks == nil || empty.Areas == nil || empty.TopRisks == nil || len(empty.Matrix) != 25 ||
		empty.DataQuality.ChecksNotRun == nil || empty.DataQuality.RejectedPercent != nil {
		t.Errorf("an empty run gives %+v", empty)
	}
}

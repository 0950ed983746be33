package cli_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/results"
)

// sampleAuditRun audits samples/org with its manifest, which names the
// accepted-risk register and last year's results.
func sampleAuditRun(t *testing.T) *results.Run {
	t.Helper()
	run, err := audit.Audit(context.Background(), audit.Options{Source: os.DirFS(samplesDir), Dir: "."})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	run = run.Flat() // the test reads the findings whole
	return run
}

// TestSampleAcceptances requires the sample's accepted-risk register to come
// out as samples/README.md's expected-acceptances block says: per entry in
// id order its check, id, key, status and number of matching findings.
func TestSampleAcceptances(t *testing.T) {
	run := sampleAuditRun(t)
	var got [][]string
	accepted := 0
	for _, a := range run.Acceptances {
		got = append(got, []string{a.CheckID, a.ID, a.RecordKey, a.Status, strconv.Itoa(a.Matched)})
		if a.Status == results.AcceptanceAccepted {
			accepted += a.Matched
		}
	}
	if diff := cmp.Diff(readmeTable(t, "expected-acceptances"), got); diff != "" {
		t.Errorf("acceptances differ from samples/README.md (-want +got):\n%s", diff)
	}
	if run.Summary.Accepted != accepted || run.Summary.Open != run.Summary.Findings-accepted {
		t.Errorf("summary: %d accepted, %d open of %d findings; the register accepts %d",
			run.Summary.Accepted, run.Summary.Open, run.Summary.Findings, accepted)
	}
}

// TestSampleTrend requires the comparison with last year's results
// (samples/org/historie) to give samples/README.md's expected-trend block:
// per check the findings then and now, new, persisting and resolved.
func TestSampleTrend(t *testing.T) {
	run := sampleAuditRun(t)
	if run.Previous == nil {
		t.Fatal("the sample audit was not compared with the manifest's previous results")
	}
	if run.Previous.AsOf != "2025-09-01" {
		t.Errorf("previous run as of %s, want 2025-09-01", run.Previous.AsOf)
	}
	var got [][]string
	var total [5]int
	for _, c := range run.Checks {
		prev := 0
		if c.Previous != nil {
			prev = c.Previous.Findings
		}
		n := [5]int{prev, len(c.Findings), 0, 0, len(c.Resolved)}
		for _, f := range c.Findings {
			switch f.Trend {
			case results.TrendNew:
				n[2]++
			case results.TrendPersisting:
				n[3]++
			default:
				t.Errorf("finding %s: trend %q", f.Key, f.Trend)
			}
		}
		row := []string{c.ID}
		for i, v := range n {
			row = append(row, strconv.Itoa(v))
			total[i] += v
		}
		got = append(got, row)
	}
	want := readmeTable(t, "expected-trend")
	got = append(got, []string{"total"})
	for _, v := range total {
		got[len(got)-1] = append(got[len(got)-1], strconv.Itoa(v))
	}
	byID := func(rows [][]string) map[string][]string {
		m := map[string][]string{}
		for _, r := range rows {
			m[r[0]] = r
		}
		return m
	}
	if diff := cmp.Diff(byID(want), byID(got)); diff != "" {
		t.Errorf("trend differs from samples/README.md (-want +got):\n%s", diff)
	}
	s := run.Summary
	if w := want[len(want)-1]; strconv.Itoa(s.New) != w[3] || strconv.Itoa(s.Persisting) != w[4] || strconv.Itoa(s.Resolved) != w[5] {
		t.Errorf("summary new/persisting/resolved %d/%d/%d, samples/README.md says %s/%s/%s", s.New, s.Persisting, s.Resolved, w[3], w[4], w[5])
	}
}

package audience_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
)

// TestViewsLeaveRunAlone checks that the views, which share the run's
// findings and show each one as it is read, never change the run: the FG's masking
// of a phone number and a BSN, and the risk analysis's pseudonyms, in
// either language, are in the views' reports only.
func TestViewsLeaveRunAlone(t *testing.T) {
	run := &results.Run{
		AsOf: "2026-09-01",
		Checks: []results.Check{{
			ID: "c", Severity: "high", Status: results.StatusFindings, Columns: []string{"note"},
			Findings: []results.Finding{
				{Key: "c|t|K1", Table: "t", RecordKey: "K1", Message: results.Text{NL: "bel 0612345678", EN: "call 0612345678"}, Values: []string{"0612345678"}},
				{Key: "c|t|K2", Table: "t", RecordKey: "K2", Message: results.Text{NL: "geen", EN: "none"}, Values: []string{"vrij"}},
				{Key: "c|t|K3", Table: "t", RecordKey: "K3", Message: results.Text{NL: "BSN 111222333", EN: "BSN 111222333"}, Values: []string{"111222333"}},
			},
			Resolved: []results.Finding{{Key: "c|t|K9", Table: "t", RecordKey: "K9", Values: []string{"0612345678"}}},
		}},
	}
	want := run.Clone()
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	fg := audience.FG(run)
	risk := audience.Risk(run, p)
	for _, d := range []audience.Detailed{fg, risk} {
		for _, lang := range []string{"nl", "en", "nl"} {
			r, err := d.Run(lang)
			if err != nil {
				t.Fatal(err)
			}
			r.Flat() // reads every finding
			if r.Checks[0].Findings != nil || r.Checks[0].Resolved != nil {
				t.Errorf("%s view in %s: the findings are in the run, not only in its view", d.Audience(), lang)
			}
		}
	}
	if diff := cmp.Diff(want, run); diff != "" {
		t.Errorf("the run changed (-before +after):\n%s", diff)
	}
	got, err := fg.Run("nl")
	if err != nil {
		t.Fatal(err)
	}
	got = got.Flat()
	fs := got.Checks[0].Findings
	if fs[0].Values[0] == "0612345678" || fs[0].Message.NL == "bel 0612345678" {
		t.Errorf("FG view: phone number not masked: %+v", fs[0])
	}
	if fs[2].Values[0] == "111222333" || fs[2].Message.NL == "BSN 111222333" {
		t.Errorf("FG view: BSN not masked: %+v", fs[2])
	}
	if diff := cmp.Diff(run.Checks[0].Findings[1], fs[1]); diff != "" {
		t.Errorf("FG view: a finding with nothing to mask changed:\n%s", diff)
	}
	if got.Checks[0].Resolved[0].Values[0] == "0612345678" {
		t.Errorf("FG view: phone number of a resolved finding not masked")
	}
	r, err := risk.Run("en")
	if err != nil {
		t.Fatal(err)
	}
	r = r.Flat()
	if k := r.Checks[0].Findings[1].RecordKey; k == "K2" {
		t.Errorf("risk view: record key not pseudonymised: %s", k)
	}
}

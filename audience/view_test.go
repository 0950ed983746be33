package audience_test

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
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

// TestViewsOfStoredRun: a run whose findings are in a store (as an audit
// makes it) gives the same views, in both languages, as the same run in
// memory, though a stored run's views are written to its store once and
// read back.
func TestViewsOfStoredRun(t *testing.T) {
	org, err := fs.Sub(samples.Org, "org")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := audit.Audit(context.Background(), audit.Options{Source: org, Dir: ".", Today: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	defer stored.Close()
	if stored.Store == nil || stored.Checks[0].Stored == nil {
		t.Fatal("the audit kept its findings in memory")
	}
	inMemory := stored.Flat()
	p, err := pseudonym.New(pseudonym.SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nl", "en", "nl"} {
		for name, view := range map[string]func(*results.Run) audience.Detailed{
			"risk": func(r *results.Run) audience.Detailed { return audience.Risk(r, p) },
			"fg":   audience.FG,
		} {
			want, err := view(inMemory).Run(lang)
			if err != nil {
				t.Fatal(err)
			}
			got, err := view(stored).Run(lang)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Flat(), got.Flat()); diff != "" {
				t.Errorf("%s view in %s of the stored run (-in memory +stored):\n%s", name, lang, diff)
			}
		}
	}
}

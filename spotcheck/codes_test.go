package spotcheck

import (
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/results"
)

// TestCodeLabels: a built-in check's code values are shown by their labels
// on the checklist, as in the reports, both when one check and when all
// findings are sampled.
func TestCodeLabels(t *testing.T) {
	run := &results.Run{Checks: []results.Check{{
		ID: "photo_without_consent", Status: results.StatusFindings,
		Columns:      []string{"posted_at", "problem"},
		ColumnLabels: []results.Text{{NL: "Geplaatst op", EN: "Posted at"}, {NL: "Probleem", EN: "Problem"}},
		Findings:     []results.Finding{{Key: "k", RecordKey: "F1/PK1", Values: []string{"2026-03-02", "refused"}}},
	}}}
	one, err := FromFindings(run, "photo_without_consent", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := one.Records[0].Values[2]; got.NL == "refused" || got.EN == "refused" || got.NL == got.EN {
		t.Errorf("problem value %+v: want the Dutch and English labels of refused", got)
	}
	all, err := FromFindings(run, "", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := all.Records[0].Values[2]; strings.Contains(got.NL, "refused") || !strings.Contains(got.NL, "Probleem: ") {
		t.Errorf("details %q show the raw code", got.NL)
	}
}

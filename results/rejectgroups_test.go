package results_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/results"
)

func TestGroupRejects(t *testing.T) {
	reason := func(v string) results.Text {
		return results.Text{NL: `"` + v + `" is geen ja of nee`, EN: `"` + v + `" is not yes/no`}
	}
	in := []results.Reject{
		{File: "r.xlsx [Posts]", Sheet: "Posts", Row: 2, Column: "Toestemming", Value: "TS-10392", Reason: reason("TS-10392")},
		{File: "r.xlsx [Posts]", Sheet: "Posts", Row: 3, Column: "Toestemming", Value: "TS-10393", Reason: reason("TS-10393")},
		{File: "k.csv", Row: 5, Column: "Geboren", Value: "31-02-2020", Reason: results.Text{NL: "geen datum", EN: "no date"}},
		{File: "r.xlsx [Posts]", Sheet: "Posts", Row: 9, Column: "Toestemming", Value: "TS-2", Reason: reason("TS-2")},
		{File: "r.xlsx [Posts]", Sheet: "Posts", Row: 10, Column: "Toestemming", Value: "misschien", Reason: reason("misschien")},
	}
	got := results.GroupRejects(in)
	var lines []string
	for _, g := range got {
		lines = append(lines, g.First.File+" "+g.First.Column+" "+g.Value+" "+g.Reason.EN+" rows "+fmt.Sprint(g.Rows))
	}
	want := []string{
		`r.xlsx [Posts] Toestemming TS-… "TS-…" is not yes/no rows [2 3 9]`,
		`k.csv Geboren 31-02-2020 no date rows [5]`,
		`r.xlsx [Posts] Toestemming misschien "misschien" is not yes/no rows [10]`,
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}

package profiles_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/profiles"
)

// TestCorpus recognises the exports of testdata/corpus, organisations
// whose headers, sheet names and consent labels the profiles do not list
// as whole names, and compares the mapping with the one written by hand
// in each organisation's want.map: every export placed on its table,
// every column and value mapped as a person would, no draft left.
func TestCorpus(t *testing.T) {
	orgs, err := filepath.Glob("testdata/corpus/*/want.map")
	if err != nil || len(orgs) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, want := range orgs {
		dir := filepath.Dir(want)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, err := profiles.Recognise(os.DirFS(dir), ".", "")
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			var wantLines []string
			for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				if !strings.HasPrefix(l, "#") {
					wantLines = append(wantLines, l)
				}
			}
			if diff := cmp.Diff(wantLines, mappingLines(p.Placed)); diff != "" {
				t.Errorf("mapping (-want +got):\n%s", diff)
			}
			for _, u := range p.Unplaced {
				t.Errorf("not placed: %s: %s", u.Label(), u.Reason.EN)
			}
		})
	}
}

// mappingLines writes placements as want.map does: per export its table,
// its columns in header order and its value mappings sorted.
func mappingLines(placed []profiles.Placement) []string {
	var out []string
	for _, pl := range placed {
		out = append(out, pl.Label()+" -> "+pl.Result.Table)
		var idx []int
		for i := range pl.Result.Columns {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		for _, i := range idx {
			out = append(out, fmt.Sprintf("  %s = %s", pl.Header[i], pl.Result.Columns[i]))
		}
		var vals []string
		for col, labels := range pl.Values {
			for l, v := range labels {
				vals = append(vals, fmt.Sprintf("  %s: %q = %s", col, l, v))
			}
		}
		slices.Sort(vals)
		out = append(out, vals...)
	}
	return out
}

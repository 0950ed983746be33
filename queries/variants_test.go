package queries_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/results"
)

// TestCheckVariants runs a check on each variant of its fixture,
// testdata/<id>/<variant>/ with its own manifest and expected.tsv: exports
// in another shape (a yes/no where the main fixture has a date, a register
// without some columns). The findings must be exactly those expected; a
// line "# warning: TEXT" in expected.tsv says the check ran incomplete with
// a warning naming TEXT, and without such lines it must have none.
func TestCheckVariants(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "*", "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no variants found")
	}
	for _, exp := range dirs {
		dir := filepath.Dir(exp)
		id := filepath.Base(filepath.Dir(dir))
		t.Run(id+"/"+filepath.Base(dir), func(t *testing.T) {
			c := builtinCheck(t, id)
			got := runFixture(t, dir, c)
			if got.Status == results.StatusError || got.Status == results.StatusNotRun {
				t.Fatalf("status %s: %+v", got.Status, got.Reason)
			}
			header, want := readExpected(t, exp)
			var rows []string
			for _, f := range got.Findings {
				fields := []string{f.Table, f.RecordKey}
				for _, col := range header[2:] {
					fields = append(fields, value(t, got, f, col))
				}
				rows = append(rows, strings.Join(fields, "\t"))
			}
			sort.Strings(rows)
			sort.Strings(want)
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("findings differ from %s (-want +got):\n%s", exp, diff)
			}
			data, err := os.ReadFile(exp)
			if err != nil {
				t.Fatal(err)
			}
			var warned []string
			for _, line := range strings.Split(string(data), "\n") {
				if w, ok := strings.CutPrefix(strings.TrimSpace(line), "# warning: "); ok {
					warned = append(warned, w)
				}
			}
			var texts []string
			for _, w := range got.Warnings {
				if strings.HasPrefix(w.EN, "incomplete: ") {
					texts = append(texts, w.EN)
				}
			}
			for _, w := range warned {
				found := false
				for _, text := range texts {
					found = found || strings.Contains(text, w)
				}
				if !found {
					t.Errorf("no warning names %q: %q", w, texts)
				}
			}
			if len(warned) == 0 && len(texts) > 0 {
				t.Errorf("unexpected warnings: %q", texts)
			}
		})
	}
}

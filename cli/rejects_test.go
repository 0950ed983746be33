package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/results"
)

// TestManyRejects audits an export with more rejected rows than the reports
// list: the terminal and the JSON say how many were left out and where all
// of them are.
func TestManyRejects(t *testing.T) {
	src := t.TempDir()
	var b strings.Builder
	b.WriteString("child_id;care_end\n")
	for i := 1; i <= 1200; i++ {
		fmt.Fprintf(&b, "K%d;31-02-2024\n", i) // no such date
	}
	b.WriteString("K0;\n")
	writeTestFile(t, filepath.Join(src, "kinderen.csv"), b.String())
	writeTestFile(t, filepath.Join(src, "manifest.yaml"), "version: 1\norganisation: x\nas_of: 2026-09-01\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n      - {file: kinderen.csv, table: admin_children}\n")
	out := t.TempDir()
	r := avgaudit(t, t.TempDir(), "audit", src, "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"de eerste 1.000 per bestand staan in rapport.xlsx, rapport.html en resultaten.json (nog 200 niet)",
		"waarschuwing: 1.200 rijen niet ingelezen", "1.000 rijen (rij 2, 3, 4, 5, 6, …)", "1.200 rijen van admin_children afgewezen"} {
		if !strings.Contains(r.stderr, want) { // counts with the Dutch thousands separator, row numbers without
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	// With only the FG's reports written, the terminal names those (blind test 2).
	fg := avgaudit(t, t.TempDir(), "audit", src, "--out", t.TempDir(), "--audience", "fg")
	if want := "staan in rapport-fg.xlsx, rapport-fg.html en resultaten-fg.json"; !strings.Contains(fg.stderr, want) {
		t.Errorf("--audience fg: stderr lacks %q:\n%s", want, fg.stderr)
	}
	en := avgaudit(t, t.TempDir(), "audit", src, "--out", t.TempDir(), "--lang", "en")
	for _, want := range []string{"warning: 1,200 input rows were not loaded", "1,000 rows (rows 2, 3, 4, 5, 6, …)", "1,200 rows of admin_children rejected"} {
		if !strings.Contains(en.stderr, want) {
			t.Errorf("English stderr lacks %q:\n%s", want, en.stderr)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "resultaten.json"))
	if err != nil {
		t.Fatal(err)
	}
	var run results.Run
	if err := json.Unmarshal(data, &run); err != nil {
		t.Fatal(err)
	}
	in := run.Inputs[0]
	if in.RowsRead != 1201 || in.RowsLoaded != 1 || in.RowsRejected != 1200 || in.RejectsNotListed != 200 || len(run.Rejects) != 1000 {
		t.Errorf("read %d, loaded %d, rejected %d, not listed %d, listed %d; want 1201, 1, 1200, 200, 1000",
			in.RowsRead, in.RowsLoaded, in.RowsRejected, in.RejectsNotListed, len(run.Rejects))
	}
}

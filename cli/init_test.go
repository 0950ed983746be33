package cli_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/results"
)

// copyDir copies src to a new temporary directory, leaving out skip.
func copyDir(t *testing.T, src, skip string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		switch {
		case rel == skip:
			return nil
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestInitCommands runs avgaudit init on messy exports: what it says, what
// it writes, and that it never overwrites a manifest without --force.
func TestInitCommands(t *testing.T) {
	export := copyDir(t, "testdata/init/export", "")
	manifestPath := filepath.Join(export, "manifest.yaml")
	empty := t.TempDir()
	elsewhere := filepath.Join(t.TempDir(), "concept.yaml")
	steps := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
		manifest bool // a manifest exists afterwards
	}{
		{"help", []string{"init", "--help"}, 0, []string{"Usage: avgaudit init SOURCE_DIR", "--force", "EXIT STATUS"}, nil, false},
		{"no source dir", []string{"init"}, 2, nil, []string{"init takes one SOURCE_DIR"}, false},
		{"nothing to place", []string{"init", empty}, 1, nil, []string{"no export could be placed on a canonical table; no manifest written"}, false},
		{"written", []string{"init", export}, 0,
			[]string{"kinderen.csv", "-> admin_children", "5 of 15 columns matched", "could not place 1 export(s):",
				"prijslijst.csv: no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)", "manifest written to " + manifestPath},
			nil, true},
		{"not overwritten", []string{"init", export}, 2, nil, []string{manifestPath + " already exists; add --force"}, true},
		{"overwritten with --force", []string{"init", export, "--force"}, 0, []string{"manifest written to"}, nil, true},
		{"written elsewhere", []string{"init", export, "--out", elsewhere}, 0, []string{"manifest written to " + elsewhere + ": review it and save it as " + manifestPath}, nil, true},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := avgaudit(t, t.TempDir(), s.args...)
			if r.code != s.wantCode {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, s.wantCode, r.stdout, r.stderr)
			}
			for _, w := range s.wantOut {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range s.wantErr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if _, err := os.Stat(manifestPath); (err == nil) != s.manifest {
				t.Errorf("manifest exists: %v, want %v", err == nil, s.manifest)
			}
			if _, err := os.Stat(filepath.Join(empty, "manifest.yaml")); err == nil {
				t.Error("a manifest was written for a folder with nothing to place")
			}
		})
	}
	data, err := os.ReadFile(manifestPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# recognised as admin_children: 5 of 15 columns matched\n",
		"# header on row 3; the rows above it are skipped\n",
		"Geb. datum: birth_date\n",
		"BSN kind: bsn\n",
		"#   prijslijst.csv: no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("manifest lacks %q:\n%s", want, data)
		}
	}
}

// TestInitReproducesSampleManifest: init on the sample organisation without
// its manifest writes one whose audit equals the committed manifest's
// (same rows loaded, same findings per check), both audited in this run;
// and audit without any manifest says it recognised the exports.
func TestInitReproducesSampleManifest(t *testing.T) {
	withInit := copyDir(t, samplesDir, "manifest.yaml")
	without := copyDir(t, samplesDir, "manifest.yaml")
	if r := avgaudit(t, t.TempDir(), "init", withInit); r.code != 0 {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	runs := map[string]*results.Run{}
	for name, dir := range map[string]string{"committed": abs(t, samplesDir), "init": withInit, "none": without} {
		work := t.TempDir()
		r := avgaudit(t, work, "audit", dir, "--as-of", "2026-09-01", "--audience", "fg", "--quiet")
		if r.code != 0 {
			t.Fatalf("audit %s: exit %d\n%s", name, r.code, r.stderr)
		}
		notice := strings.Contains(r.stderr, "no manifest.yaml: recognised the exports automatically (run avgaudit init to review)")
		if notice != (name == "none") {
			t.Errorf("audit %s: notice on stderr %v:\n%s", name, notice, r.stderr)
		}
		runs[name], _ = readRun(t, filepath.Join(work, "avgaudit-rapport", "resultaten-fg.json"))
	}
	want := findingsPerCheck(runs["committed"])
	for _, name := range []string{"init", "none"} {
		if diff := cmp.Diff(want, findingsPerCheck(runs[name])); diff != "" {
			t.Errorf("audit with the %s manifest differs from the committed one's (-committed +%s):\n%s", name, name, diff)
		}
	}
}

// findingsPerCheck lists per check its status and findings, and per input
// the rows loaded: what two manifests of the same data must agree on.
func findingsPerCheck(run *results.Run) map[string][]string {
	out := map[string][]string{}
	for _, in := range run.Inputs {
		out["inputs"] = append(out["inputs"], fmt.Sprintf("%s [%s] -> %s: read %d, loaded %d, rejected %d",
			in.File, in.Sheet, in.Table, in.RowsRead, in.RowsLoaded, in.RowsRejected))
	}
	sort.Strings(out["inputs"]) // the order of the files is no result
	for _, c := range run.Checks {
		key := c.ID + " (" + c.Status + ")"
		out[key] = []string{}
		for _, f := range c.Findings {
			out[key] = append(out[key], fmt.Sprintf("%s %s:%d %s", f.Key, f.File, f.Row, f.Message.EN))
		}
	}
	return out
}

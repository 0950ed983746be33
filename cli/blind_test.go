package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitBlindCorpusFindsPlanted plays the new user on the two
// organisations of an independent blind test (../profiles/testdata/blind:
// vendors, sheet names and wording the profiles were not written for) and
// on orgD, a small synthetic reduction of the shapes of a second one
// (children and placements in two exports, consents in long form, ...):
// init on the folder, the manifest as written (its REVIEW lines accepted,
// nothing written by hand, no draft entry), and the audit finds every
// problem the test planted (planted.tsv).
func TestInitBlindCorpusFindsPlanted(t *testing.T) {
	planted := readPlanted(t, "../profiles/testdata/blind/planted.tsv")
	for _, org := range []string{"orgA", "orgB", "orgD"} {
		t.Run(org, func(t *testing.T) {
			dir := copyDir(t, filepath.Join("../profiles/testdata/blind", org), "expected.map")
			r := avgaudit(t, t.TempDir(), "init", dir)
			if r.code != 0 {
				t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, "manifest.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), "CONCEPT") {
				t.Errorf("the manifest has a draft entry:\n%s", data)
			}
			out := t.TempDir()
			r = avgaudit(t, t.TempDir(), "audit", dir, "--quiet", "--as-of", "2026-12-07", "--audience", "fg", "--out", out)
			if r.code != 0 {
				t.Fatalf("audit: exit %d\n%s%s\nmanifest:\n%s", r.code, r.stdout, r.stderr, data)
			}
			raw, err := os.ReadFile(filepath.Join(out, "resultaten-fg.json"))
			if err != nil {
				t.Fatal(err)
			}
			var res struct {
				Checks []struct {
					ID       string            `json:"id"`
					Findings []json.RawMessage `json:"findings"`
				} `json:"checks"`
			}
			if err := json.Unmarshal(raw, &res); err != nil {
				t.Fatal(err)
			}
			for _, p := range planted[org] {
				text, absent := strings.CutPrefix(p[1], "!") // a record that must not be a finding
				found := false
				for _, c := range res.Checks {
					for _, f := range c.Findings {
						found = found || (c.ID == p[0] && strings.Contains(string(f), text))
					}
				}
				switch {
				case absent && found:
					t.Errorf("a finding that must not be there: %s %q", p[0], text)
				case !absent && !found:
					t.Errorf("planted problem not found: %s %q", p[0], p[1])
				}
			}
		})
	}
}

// readPlanted reads planted.tsv: per organisation the check and the text
// a finding about each planted problem holds.
func readPlanted(t *testing.T, path string) map[string][][2]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][2]string{}
	for _, l := range strings.Split(string(data), "\n") {
		f := strings.Split(l, "\t")
		if len(f) != 3 || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "-") {
			continue
		}
		out[f[0]] = append(out[f[0]], [2]string{f[1], f[2]})
	}
	return out
}

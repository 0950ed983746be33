//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPermissions: files with personal data (the FG's reports, the
// history, the pseudonym key, --db, a spot-check checklist) are readable
// by the user only and their folders 0700; the risk analysis and the
// board's report follow the umask (issue 12). The test binary's children
// inherit the umask set here.
func TestPermissions(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	work := t.TempDir()
	out := filepath.Join(work, "rapport")
	src := writeBigOrg(t, 5, true)
	if r := avgaudit(t, work, "audit", src, "--audience", "all", "--out", out, "--db", filepath.Join(work, "audit.duckdb")); r.code != 0 {
		t.Fatalf("audit: exit %d\n%s", r.code, r.stderr)
	}
	if r := avgaudit(t, work, "sample", src, "--table", "admin_children", "--seed", "1", "--out", filepath.Join(work, "steekproef.xlsx")); r.code != 0 {
		t.Fatalf("sample: exit %d\n%s", r.code, r.stderr)
	}
	want := map[string]os.FileMode{
		"rapport":                            0o700,
		"rapport/historie":                   0o700,
		"rapport/historie/2026-09-01.json":   0o600,
		"rapport/historie/pseudoniemsleutel": 0o600,
		"rapport/rapport-fg.xlsx":            0o600,
		"rapport/rapport-fg.html":            0o600,
		"rapport/resultaten-fg.json":         0o600,
		"rapport/rapport.xlsx":               0o644,
		"rapport/rapport.html":               0o644,
		"rapport/resultaten.json":            0o644,
		"rapport/rapport-bestuur.xlsx":       0o644,
		"audit.duckdb":                       0o600,
		"steekproef.xlsx":                    0o600,
	}
	for name, perm := range want {
		fi, err := os.Stat(filepath.Join(work, name))
		if err != nil {
			t.Error(err)
			continue
		}
		if fi.Mode().Perm() != perm {
			t.Errorf("%s: %v, want %v", name, fi.Mode().Perm(), perm)
		}
	}
	// Under a stricter umask nothing is more open than it allows.
	syscall.Umask(0o077)
	out2 := filepath.Join(work, "rapport2")
	if r := avgaudit(t, work, "audit", src, "--out", out2, "--no-history"); r.code != 0 {
		t.Fatalf("audit: exit %d\n%s", r.code, r.stderr)
	}
	if fi, err := os.Stat(filepath.Join(out2, "rapport.xlsx")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("rapport.xlsx under umask 077: %v %v, want 0600", fi.Mode(), err)
	}
}

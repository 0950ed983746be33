package scratch

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestOpenClose(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rapport")
	d, left, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(left.Removed)+len(left.Live) != 0 {
		t.Errorf("a fresh folder had leftovers: %+v", left)
	}
	if runtime.GOOS != "windows" {
		for _, p := range []string{out, filepath.Dir(d.Path), d.Path} {
			if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o700 {
				t.Errorf("%s: %v %v, want a 0700 folder", p, st.Mode(), err)
			}
		}
	}
	// A second run while the first is going leaves its folder.
	d2, left, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(left.Live) != 1 || !strings.HasPrefix(left.Live[0], d.Path+":") || len(left.Removed) != 0 {
		t.Errorf("leftovers %+v, want %s as live", left, d.Path)
	}
	if err := d2.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 0 {
		t.Errorf("%s holds %v after both runs", out, entries)
	}
}

// TestOpenRemovesLeftovers: the folder of a run that was killed (its
// process gone, its lock released) and report temporary files of older
// versions are removed by the next run.
func TestOpenRemovesLeftovers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	out := filepath.Join(t.TempDir(), "rapport")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(out, "rapport.html")
	if err := os.WriteFile(keep, []byte("rapport"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A real process opens its folder and is killed.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRun$")
	cmd.Env = append(os.Environ(), "SCRATCH_HELPER_OUT="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	killed := strings.TrimSpace(line)
	during, left, err := Open(out)
	if err != nil || !slices.ContainsFunc(left.Live, func(s string) bool { return strings.HasPrefix(s, killed+":") }) {
		t.Fatalf("while the helper runs: %+v, %v; want %s live", left, err, killed)
	}
	during.Close()
	_ = cmd.Process.Kill()
	old := filepath.Join(out, ".rapport-fg.xlsx.tmp-1234567")
	if err := os.WriteFile(old, []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	d, left, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, want := range []string{killed, old} {
		if !slices.Contains(left.Removed, want) {
			t.Errorf("removed %q, want %s among them", left.Removed, want)
		}
		if _, err := os.Stat(want); !os.IsNotExist(err) {
			t.Errorf("%s is still there", want)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a report was removed: %v", err)
	}
}

// TestHelperRun is the killed run of TestOpenRemovesLeftovers.
func TestHelperRun(t *testing.T) {
	out := os.Getenv("SCRATCH_HELPER_OUT")
	if out == "" {
		t.Skip("helper")
	}
	d, _, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d.Path, "rapport-fg.xlsx"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString(d.Path + "\n")
	select {}
}

//go:build unix

package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeBigOrg writes an organisation of n children. With ended, every
// child left care in 2012 and still has a BSN, so that every child is a
// finding and the reports take a while to write; without, the load is
// the long part.
func writeBigOrg(t *testing.T, n int, ended bool) string {
	t.Helper()
	src := t.TempDir()
	var b strings.Builder
	b.WriteString("child_id;first_name;last_name;bsn;care_start;care_end\n")
	for i := 0; i < n; i++ {
		end := ""
		if ended {
			end = "31-07-2012"
		}
		fmt.Fprintf(&b, "K%06d;Kind%d;Achternaam%d;111222333;01-08-2008;%s\n", i, i, i, end)
	}
	writeTestFile(t, filepath.Join(src, "kinderen.csv"), b.String())
	writeTestFile(t, filepath.Join(src, "manifest.yaml"), "version: 1\norganisation: Groot BV\nas_of: 2026-09-01\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n      - {file: kinderen.csv, table: admin_children}\n")
	return src
}

// run is a started avgaudit.
type run struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan error
}

func start(t *testing.T, env []string, args ...string) *run {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r := &run{cmd: exec.Command(self, args...), done: make(chan error, 1)}
	r.cmd.Dir = t.TempDir()
	r.cmd.Env = append(append(os.Environ(), asMain+"=1"), env...)
	r.cmd.Stdout, r.cmd.Stderr = &r.stdout, &r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	return r
}

// waitFor polls until cond holds, failing when the run ends first or
// after a minute.
func (r *run) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		select {
		case err := <-r.done:
			t.Fatalf("the run ended (%v) before %s\n%s\n%s", err, what, r.stdout.String(), r.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s after a minute", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// runTemps lists the files in the run folders under out.
func runTemps(out string) []string {
	files, _ := filepath.Glob(filepath.Join(out, ".avgaudit-tmp", "run-*", "*"))
	return files
}

func hasReportTemp(out string) bool {
	for _, f := range runTemps(out) {
		if strings.HasPrefix(filepath.Base(f), ".rapport") || strings.HasPrefix(filepath.Base(f), ".resultaten") {
			return true
		}
	}
	return false
}

// everything lists every file and folder under dir, relative to it.
func everything(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// TestKilledRunLeavesNoTrace kills (SIGKILL) a real avgaudit during
// loading and during report writing, and checks that the next run leaves
// nothing of it: no temporary folder or file in the output folder, next
// to the database, or in TMPDIR (issue 12).
func TestKilledRunLeavesNoTrace(t *testing.T) {
	if testing.Short() {
		t.Skip("audits organisations of tens of thousands of children")
	}
	for _, tc := range []struct {
		name  string
		src   string
		when  string
		ready func(out string) bool
	}{
		{"during loading", writeBigOrg(t, 400_000, false), "the run's folder",
			func(out string) bool { return len(runTemps(out)) > 0 && !hasReportTemp(out) }},
		{"during report writing", writeBigOrg(t, 20_000, true), "a report being written", hasReportTemp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			env := []string{"TMPDIR=" + tmp}
			work := t.TempDir()
			out := filepath.Join(work, "rapport")
			db := filepath.Join(work, "audit.duckdb")
			r := start(t, env, "audit", tc.src, "--audience", "all", "--out", out, "--db", db, "-q")
			r.waitFor(t, tc.when, func() bool { return tc.ready(out) })
			if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			<-r.done
			if len(everything(t, filepath.Join(out, ".avgaudit-tmp"))) == 0 {
				t.Fatal("the killed run left nothing: the test shows nothing")
			}
			next := avgauditEnv(t, env, "audit", tc.src, "--audience", "all", "--out", out, "--no-history", "-q")
			if next.code != 0 {
				t.Fatalf("next run: exit %d\n%s", next.code, next.stderr)
			}
			for _, f := range everything(t, out) {
				if strings.HasPrefix(filepath.Base(f), ".") || strings.Contains(f, ".tmp") {
					t.Errorf("after the next run, %s holds %s", out, f)
				}
			}
			if left := everything(t, tmp); len(left) > 0 {
				t.Errorf("TMPDIR holds %q", left)
			}
			// The database is moved into place when the audit is done, before the
			// reports are written: a run killed then has kept it, as asked.
			for _, f := range everything(t, work) {
				if f != "rapport" && !strings.HasPrefix(f, "rapport"+string(filepath.Separator)) && f != "audit.duckdb" {
					t.Errorf("%s holds %s; want only the reports and the database", work, f)
				}
			}
		})
	}
}

// TestInterrupt sends SIGINT and SIGTERM to a real avgaudit during loading
// and during report writing: it stops promptly, says so, exits 1, and the
// reports of the previous run are intact (issue 12).
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("audits organisations of tens of thousands of children")
	}
	for _, tc := range []struct {
		name   string
		src    string
		signal syscall.Signal
		ready  func(out string) bool
	}{
		{"SIGTERM during loading", writeBigOrg(t, 400_000, false), syscall.SIGTERM,
			func(out string) bool { return len(runTemps(out)) > 0 && !hasReportTemp(out) }},
		{"SIGINT during report writing", writeBigOrg(t, 20_000, true), syscall.SIGINT, hasReportTemp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "rapport")
			// The previous report set, from a run of a small organisation.
			small := writeBigOrg(t, 10, true)
			if r := avgaudit(t, t.TempDir(), "audit", small, "--audience", "all", "--out", out, "-q"); r.code != 0 {
				t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
			}
			before := map[string][]byte{}
			for _, f := range everything(t, out) {
				if b, err := os.ReadFile(filepath.Join(out, f)); err == nil {
					before[f] = b
				}
			}
			r := start(t, nil, "audit", tc.src, "--audience", "all", "--out", out)
			r.waitFor(t, "the moment", func() bool { return tc.ready(out) })
			if err := r.cmd.Process.Signal(tc.signal); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			var err error
			select {
			case err = <-r.done:
			case <-time.After(20 * time.Second):
				_ = r.cmd.Process.Kill()
				t.Fatalf("still running 20 s after %v", tc.signal)
			}
			t.Logf("stopped %v after %v", tc.signal, time.Since(sent))
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("exit %v, want 1", err)
			}
			if !strings.Contains(r.stderr.String(), "onderbroken") {
				t.Errorf("stderr does not say it was interrupted: %s", r.stderr.String())
			}
			var after []string
			for _, f := range everything(t, out) {
				if fi, err := os.Stat(filepath.Join(out, f)); err == nil && !fi.IsDir() {
					after = append(after, f)
				}
			}
			if len(after) != len(before) {
				t.Errorf("output folder now %q, before %d files", after, len(before))
			}
			for f, b := range before {
				if got, err := os.ReadFile(filepath.Join(out, f)); err != nil || !bytes.Equal(got, b) {
					t.Errorf("%s changed (%v)", f, err)
				}
			}
		})
	}
}

package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTerminalProgressOff checks there is no progress bar when stderr is a
// file or a pipe, in CI, or with --quiet.
func TestTerminalProgressOff(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	t.Setenv("CI", "")
	for name, out := range map[string]*os.File{"file": f, "pipe": w, "nil": nil} {
		if p := TerminalProgress(out, false); p != nil {
			t.Errorf("%s: got a progress bar, want none", name)
		}
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if TerminalProgress(tty, false) == nil {
			t.Error("terminal: got no progress bar")
		}
		if TerminalProgress(tty, true) != nil {
			t.Error("terminal with --quiet: got a progress bar")
		}
		t.Setenv("CI", "true")
		if TerminalProgress(tty, false) != nil {
			t.Error("terminal in CI: got a progress bar")
		}
	}
}

// TestBar checks the bar stays silent for the first second and clears its
// line at the end.
func TestBar(t *testing.T) {
	var sb strings.Builder
	b := &bar{w: &sb, delay: time.Hour, every: 0, width: 10}
	b.Start("kidsadmin/kinderen.csv", 1000)
	b.Update(500)
	b.Done()
	if sb.Len() != 0 {
		t.Fatalf("a quick file drew %q, want nothing", sb.String())
	}
	b.delay = 0
	b.Start("kidsadmin/kinderen.csv", 1000)
	b.Update(500)
	if got, want := sb.String(), "\rkidsadmin/kinderen.csv [=====     ]  50%"; got != want {
		t.Errorf("drew %q, want %q", got, want)
	}
	b.Done()
	if !strings.HasSuffix(sb.String(), "\r") {
		t.Errorf("Done left %q, want the line cleared", sb.String())
	}
	sb.Reset()
	b.Start("ouders.xlsx [Ouders]", 0)
	b.Update(12000)
	if got, want := sb.String(), "\rouders.xlsx [Ouders]  12.000 rijen"; got != want {
		t.Errorf("drew %q, want %q", got, want)
	}
	sb.Reset()
	b.lang = "en"
	b.Start("ouders.xlsx [Ouders]", 0)
	b.Update(12000)
	if got, want := sb.String(), "\rouders.xlsx [Ouders]  12,000 rows"; got != want {
		t.Errorf("drew %q, want %q", got, want)
	}
}

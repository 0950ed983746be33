package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestEncrypt: --encrypt protects every Excel report with the password
// from the environment or a file (never a flag), says which files are
// protected, and leaves the FG's HTML and JSON out unless asked (issue 12).
func TestEncrypt(t *testing.T) {
	src := writeBigOrg(t, 5, true)
	work := t.TempDir()
	out := filepath.Join(work, "rapport")

	r := avgaudit(t, work, "audit", src, "--encrypt", "--out", out)
	r.expect(t, 2, nil, []string{"AVGAUDIT_REPORT_PASSWORD", "--encrypt-password-file"})

	r = avgauditEnv(t, []string{"AVGAUDIT_REPORT_PASSWORD=geheim-rapport"}, "audit", src, "--encrypt", "--audience", "all", "--out", out, "--no-history")
	r.expect(t, 0, []string{"beveiligd met het wachtwoord (nodig om ze te openen): rapport-bestuur.xlsx, rapport.xlsx, rapport-fg.xlsx"}, nil)
	if strings.Contains(r.stdout+r.stderr, "geheim-rapport") {
		t.Error("the password was printed")
	}
	var names []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"rapport-bestuur.html", "rapport-bestuur.xlsx", "rapport-fg.xlsx", "rapport.html", "rapport.xlsx", "resultaten-bestuur.json", "resultaten.json"}
	if !slices.Equal(names, want) {
		t.Errorf("written %q, want %q", names, want)
	}
	for _, name := range []string{"rapport.xlsx", "rapport-fg.xlsx", "rapport-bestuur.xlsx"} {
		p := filepath.Join(out, name)
		if f, err := excelize.OpenFile(p); err == nil {
			f.Close()
			t.Errorf("%s opens without the password", name)
		}
		f, err := excelize.OpenFile(p, excelize.Options{Password: "geheim-rapport"})
		if err != nil {
			t.Errorf("%s does not open with the password: %v", name, err)
			continue
		}
		f.Close()
	}

	pw := filepath.Join(t.TempDir(), "wachtwoord.txt")
	writeTestFile(t, pw, "uit-een-bestand\n")
	r = avgaudit(t, work, "audit", src, "--encrypt", "--encrypt-password-file", pw, "--audience", "fg", "--fg-html-json", "--out", out, "--no-history", "--lang", "en")
	r.expect(t, 0, []string{"protected with the password (needed to open them): rapport-fg.xlsx"}, nil)
	for _, name := range []string{"rapport-fg.html", "resultaten-fg.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("--fg-html-json: %v", err)
		}
	}
	if f, err := excelize.OpenFile(filepath.Join(out, "rapport-fg.xlsx"), excelize.Options{Password: "uit-een-bestand"}); err != nil {
		t.Errorf("rapport-fg.xlsx with the file's password: %v", err)
	} else {
		f.Close()
	}
}

// avgauditEnv is avgaudit in a process of its own (see binaryRun) with
// extra environment variables.
func avgauditEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = append(append(os.Environ(), asMain+"=1"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

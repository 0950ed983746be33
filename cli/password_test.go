package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPasswordFile audits a folder with a password-protected workbook:
// refused with a hint without --password-file, loaded with it, and the
// password appears nowhere. stderr is not a terminal, so no progress bar.
func TestPasswordFile(t *testing.T) {
	src := t.TempDir()
	book, err := os.ReadFile("../ingest/testdata/corpus/protected.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(src, "kinderen.xlsx"), string(book))
	writeTestFile(t, filepath.Join(src, "manifest.yaml"), "version: 1\norganisation: x\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n      - {file: kinderen.xlsx, sheet: Sheet1, table: admin_children}\n")
	pw := filepath.Join(t.TempDir(), "wachtwoord.txt")
	writeTestFile(t, pw, "geheim-2026\r\n")
	empty := filepath.Join(t.TempDir(), "leeg.txt")
	writeTestFile(t, empty, "")

	r := avgaudit(t, t.TempDir(), "audit", src, "--lang", "en")
	if r.code != 1 || !strings.Contains(r.stderr, "kinderen.xlsx [Sheet1]: the workbook is protected with a password; put the password in a text file and run again with --password-file FILE") {
		t.Errorf("without --password-file: exit %d, stderr %q", r.code, r.stderr)
	}
	// In Dutch by default (issue 12).
	r = avgaudit(t, t.TempDir(), "audit", src)
	if r.code != 1 || !strings.Contains(r.stderr, "kinderen.xlsx [Sheet1]: de werkmap is beveiligd met een wachtwoord; zet het wachtwoord in een tekstbestand en start opnieuw met --password-file BESTAND") {
		t.Errorf("without --password-file, Dutch: exit %d, stderr %q", r.code, r.stderr)
	}
	wrong := filepath.Join(t.TempDir(), "fout.txt")
	writeTestFile(t, wrong, "fout-wachtwoord\n")
	r = avgaudit(t, t.TempDir(), "audit", src, "--password-file", wrong)
	if r.code != 1 || !strings.Contains(r.stderr, "het wachtwoord uit --password-file opent deze werkmap niet") || strings.Contains(r.stderr, "fout-wachtwoord") {
		t.Errorf("wrong password, Dutch: exit %d, stderr %q", r.code, r.stderr)
	}
	r = avgaudit(t, t.TempDir(), "audit", src, "--password-file", empty)
	if r.code != 2 || !strings.Contains(r.stderr, "leeg.txt is leeg; zet het wachtwoord op de eerste regel") {
		t.Errorf("empty password file: exit %d, stderr %q", r.code, r.stderr)
	}
	r = avgaudit(t, t.TempDir(), "audit", src, "--password-file", pw)
	if r.code != 0 || !strings.Contains(r.stdout, "admin_children") {
		t.Errorf("with --password-file: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "geheim") {
		t.Error("the password was printed")
	}
	if strings.Contains(r.stderr, "\r") {
		t.Errorf("progress drawn on a stderr that is not a terminal: %q", r.stderr)
	}
}

func writeTestFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInitPasswordFile recognises a password-protected workbook only with
// --password-file, and never prints the password.
func TestInitPasswordFile(t *testing.T) {
	src := t.TempDir()
	book, err := os.ReadFile("../ingest/testdata/corpus/protected.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(src, "kinderen.xlsx"), string(book))
	pw := filepath.Join(t.TempDir(), "wachtwoord.txt")
	writeTestFile(t, pw, "geheim-2026\n")

	r := avgaudit(t, t.TempDir(), "init", src)
	if !strings.Contains(r.stdout+r.stderr, "--password-file") {
		t.Errorf("without --password-file: exit %d, no hint to use it:\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	r = avgaudit(t, t.TempDir(), "init", src, "--password-file", pw, "--force")
	if r.code != 0 || !strings.Contains(r.stdout, "admin_children") {
		t.Errorf("with --password-file: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "geheim") {
		t.Error("the password was printed")
	}
}

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// englishPhrases are words of the English texts that a Dutch run must not
// print; dutchMarker is a word each Dutch text has.
var englishPhrases = []string{"Usage:", "Flags:", "Examples:", "EXIT STATUS", "(default ", "did you mean",
	"unknown key", "unknown table", "maps to", "line ", "the manifest", "see avgaudit", "written to", "expected", "takes one", "needs"}

// TestDutchByDefault runs each command's help and an audit of a broken
// manifest without --lang: what they print is Dutch, with none of the
// English texts; with --lang en it is English.
func TestDutchByDefault(t *testing.T) {
	bad := abs(t, "testdata/badmanifest")
	tests := []struct {
		name   string
		args   []string
		marker string
		code   int
	}{
		{"main help", []string{"--help"}, "Gebruik:", 0},
		{"no arguments", nil, "Gebruik:", 0},
		{"audit help", []string{"audit", "--help"}, "Opties:", 0},
		{"init help", []string{"init", "--help"}, "Opties:", 0},
		{"sample help", []string{"sample", "--help"}, "Opties:", 0},
		{"checks help", []string{"checks", "--help"}, "Opties:", 0},
		{"help command", []string{"help", "init"}, "EXITCODES", 0},
		{"broken manifest", []string{"audit", bad}, "bedoel je", 1},
		{"unknown flag", []string{"init", "--forse"}, "zie avgaudit init --help", 2},
		{"unknown command", []string{"audti"}, "onbekende opdracht", 2},
		{"bad date", []string{"audit", "--as-of", "1-9-2026"}, "verwacht een datum", 2},
		{"sample options", []string{"sample", "--size", "0"}, "een steekproef heeft minstens 1 record nodig", 2},
		{"init without folder", []string{"init"}, "init heeft één BRONMAP nodig", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := avgaudit(t, t.TempDir(), tt.args...)
			out := r.stdout + r.stderr
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d:\n%s", r.code, tt.code, out)
			}
			if !strings.Contains(out, tt.marker) {
				t.Errorf("lacks the Dutch %q:\n%s", tt.marker, out)
			}
			for _, en := range englishPhrases {
				if strings.Contains(out, en) {
					t.Errorf("a Dutch run prints the English %q:\n%s", en, out)
				}
			}
			en := avgaudit(t, t.TempDir(), append(tt.args, "--lang", "en")...)
			if strings.Contains(en.stdout+en.stderr, tt.marker) {
				t.Errorf("with --lang en still the Dutch %q:\n%s", tt.marker, en.stdout+en.stderr)
			}
		})
	}
}

// englishInit are words of init's English reasons, notes and manifest
// comments.
var englishInit = []string{"recognised", "not loaded", "known name", "its values", "values: dates", "closest is",
	"header", "DRAFT", "matched", "probably", "reference date", "the ", "columns", " or blank", "could not", "Written by"}

// TestInitDutchByDefault runs init without --lang on exports that give
// every kind of comment (placed, drafted, unplaced, header below a title,
// as_of, enumerations): the terminal and the manifest's comments are Dutch.
func TestInitDutchByDefault(t *testing.T) {
	for _, src := range []string{"testdata/init/export", "testdata/init/draft", "../samples/org"} {
		t.Run(src, func(t *testing.T) {
			dir := copyDir(t, src, "manifest.yaml")
			r := avgaudit(t, t.TempDir(), "init", dir)
			if r.code != 0 || !strings.Contains(r.stdout, "manifest geschreven naar") {
				t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, "manifest.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var comments []string
			for _, l := range strings.Split(string(data), "\n") {
				if i := strings.Index(l, "# "); i >= 0 {
					comments = append(comments, l[i:])
				}
			}
			said := r.stdout + r.stderr + strings.Join(comments, "\n")
			for _, en := range englishInit {
				if strings.Contains(said, en) {
					t.Errorf("a Dutch init says the English %q:\n%s", en, said)
				}
			}
		})
	}
}

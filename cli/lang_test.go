package cli_test

import (
	"strings"
	"testing"
)

// englishPhrases are words of the English texts that a Dutch run must not
// print; dutchMarker is a word each Dutch text has.
var englishPhrases = []string{"Usage:", "Flags:", "Examples:", "EXIT STATUS", "(default ", "did you mean",
	"unknown key", "unknown table", "maps to", "line ", "the manifest", "see avgaudit", "written to"}

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

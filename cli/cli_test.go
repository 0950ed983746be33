package cli_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/cli"
)

// asMain, when set in the environment, makes the test binary the avgaudit
// command (cli.Main, all that cmd/avgaudit's main does): the few tests
// that need a process of its own run it so, without building a binary.
const asMain = "AVGAUDIT_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		cli.Main()
	}
	os.Exit(m.Run())
}

type result struct {
	code           int
	stdout, stderr string
}

// avgaudit runs the command line in-process, in dir, as cli.Run: what the
// binary does is only main calling it (TestBinary checks that).
func avgaudit(t *testing.T, dir string, args ...string) result {
	t.Helper()
	if dir != "" {
		// In dir for this call only: the test's own relative paths (to
		// testdata, ../samples) stay as they were. No test runs in parallel.
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer func() {
			if err := os.Chdir(wd); err != nil {
				panic(err)
			}
		}()
	}
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), args, &out, &errb)
	return result{code, out.String(), errb.String()}
}

// binaryRun runs avgaudit as a process of its own (see asMain), as a user would.
func binaryRun(t *testing.T, dir string, args ...string) result {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), asMain+"=1")
	cmd.Dir = dir
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

// expect checks the exit code and that stdout and stderr hold the wanted texts.
func (r result) expect(t *testing.T, code int, stdout, stderr []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	for _, w := range stdout {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
		}
	}
	for _, w := range stderr {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestCommands runs the binary with a table of arguments and checks the exit
// code and what it says.
func TestCommands(t *testing.T) {
	rejects := abs(t, "testdata/rejects")
	bad := abs(t, "testdata/badmanifest")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    []string
		wantErr    []string
		wantReport bool
	}{
		{"no args shows help", nil, 0, []string{"Gebruik:", "avgaudit audit [BRONMAP]", "Voorbeelden:"}, nil, false},
		{"help in English", []string{"--help", "--lang", "en"}, 0, []string{"Usage:", "avgaudit audit [SOURCE_DIR]", "Examples:"}, nil, false},
		{"help", []string{"--help"}, 0, []string{"avgaudit checks [show ID]"}, nil, false},
		{"audit help", []string{"audit", "--help", "--lang=en"}, 0, []string{"--as-of", "--out", "--db", "--strict", "EXIT STATUS", "3  with --fail-on-findings"}, nil, false},
		{"version", []string{"version"}, 0, []string{"avgaudit 0.1.0"}, nil, false},
		{"unknown command", []string{"audti"}, 2, nil, []string{`onbekende opdracht "audti"`}, false},
		{"unknown flag", []string{"audit", "--as-off", "2026-01-01"}, 2, nil, []string{"onbekende optie --as-off; bedoel je --as-of?", "zie avgaudit audit --help"}, false},
		{"bad date", []string{"audit", "--as-of", "1-9-2026"}, 2, nil, []string{`--as-of "1-9-2026": verwacht een datum als 2026-09-01`}, false},
		{"bad lang", []string{"audit", "--lang", "de"}, 2, nil, []string{`--lang "de": kies nl of en`}, false},
		{"not a dir", []string{"audit", "/nonexistent/exports"}, 2, nil, []string{`BRONMAP "/nonexistent/exports" is geen map`}, false},
		{"no manifest, nothing recognised", []string{"audit", t.TempDir()}, 1, nil, []string{"geen manifest.yaml, en geen export in de map kon worden herkend", "de map bevat geen .csv-, .tsv-, .txt- of .xlsx-bestanden"}, false},
		{"manifest errors listed together", []string{"audit", bad}, 1, nil, []string{`regel 8: onbekende tabel "portal_fotos": bedoel je portal_photos?`, `regel 13: columns: "Voornaam" is gekoppeld aan "first_nme": bedoel je first_name?`}, false},
		{"manifest errors in English", []string{"audit", bad, "--lang", "en"}, 1, nil, []string{`line 8: unknown table "portal_fotos": did you mean portal_photos?`, `line 13: columns: "Voornaam" maps to "first_nme": did you mean first_name?`}, false},
		{"rejects warn", []string{"audit", rejects, "--lang", "en"}, 0, []string{"foto.csv", "1 rejected", "photo_without_consent", "1 finding", "not run: no data for"}, []string{"warning: 1 input row was not loaded", `foto.csv, row 3, column "Geplaatst": "31-02-2026 10:00" is not`}, true},
		{"rejects warn in Dutch", []string{"audit", rejects}, 0, []string{"foto.csv", "1 afgewezen", "photo_without_consent", "1 bevinding", "niet uitgevoerd: geen gegevens voor"}, []string{"waarschuwing: 1 rij niet ingelezen", `foto.csv, rij 3, kolom "Geplaatst": "31-02-2026 10:00" is geen`}, true},
		{"references in a yes/no column, grouped", []string{"audit", abs(t, "testdata/refs"), "--quiet"}, 0, nil, []string{
			`posts.csv, kolom "Toestemming": 3 rijen (rij 2, 3, 4): "TS-…" is geen ja of nee maar lijkt een kenmerk; koppel deze kolom in het manifest aan consent_reference in plaats van written_consent`}, true},
		{"strict", []string{"audit", rejects, "--strict"}, 1, nil, []string{"--strict: 1 rij afgewezen; verbeter ze in de exports"}, false},
		{"fail on findings", []string{"audit", rejects, "--fail-on-findings", "--quiet"}, 3, nil, nil, true},
		{"checks", []string{"checks"}, 0, []string{"photo_without_consent", "retention_portal", "processor_agreement_missing"}, nil, false},
		{"check shown", []string{"checks", "show", "photo_without_consent"}, 0, []string{"Waarom:", "Wat te doen:", "portal_consents", "Impact:       4 van 5", "Beoordeelt:   de rijen van portal_photos", "(de SQL: avgaudit checks show photo_without_consent --sql)"}, nil, false},
		{"check shown in English", []string{"checks", "show", "photo_without_consent", "--lang", "en"}, 0, []string{"Why:", "What to do:", "Impact:      4 of 5", "Judges:      the rows of portal_photos"}, nil, false},
		{"check shows its policy settings", []string{"checks", "show", "retention_portal"}, 0, []string{"retention.portal_months = 24", "Vrijstellingsbesluit"}, nil, false},
		{"check explained with its SQL", []string{"checks", "retention_portal", "--sql"}, 0, []string{"Vrijstellingsbesluit", "Waarom:", "SELECT"}, nil, false},
		{"unknown check", []string{"checks", "nope"}, 2, nil, []string{`geen controle "nope"`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := avgaudit(t, dir, tt.args...)
			r.expect(t, tt.wantCode, tt.wantOut, tt.wantErr)
			entries, _ := os.ReadDir(filepath.Join(dir, "avgaudit-rapport"))
			if names := dirNames(entries); tt.wantReport && names != "historie rapport.html rapport.xlsx resultaten.json" {
				t.Errorf("output directory holds %s, want the 3 reports and the history folder", names)
			}
			if !tt.wantReport && len(entries) != 0 {
				t.Errorf("a run that failed or wrote nothing left %d file(s) in the output directory", len(entries))
			}
		})
	}
}

// TestStrictKeepsNothing: a --strict run with rejects writes no report and
// keeps no database (it would hold the full data, BSNs included).
func TestStrictKeepsNothing(t *testing.T) {
	dir := t.TempDir()
	r := avgaudit(t, dir, "audit", abs(t, "testdata/rejects"), "--strict", "--db", "kept.duckdb")
	if r.code != 1 || !strings.Contains(r.stderr, `foto.csv, rij 3, kolom "Geplaatst"`) {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed strict run left %s behind", entries[0].Name())
	}
}

// dirNames lists the names of entries, separated by spaces.
func dirNames(entries []os.DirEntry) string {
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return strings.Join(names, " ")
}

// TestBinary runs avgaudit as a process of its own where only that proves
// the point: cli.Main passes the arguments and turns cli.Run's result into
// the process's exit code.
func TestBinary(t *testing.T) {
	dir := t.TempDir()
	binaryRun(t, dir, "version").expect(t, 0, []string{"avgaudit 0.1.0"}, nil)
	binaryRun(t, dir, "audti").expect(t, 2, nil, []string{`onbekende opdracht "audti"`})
	r := binaryRun(t, dir, "audit", abs(t, "testdata/rejects"), "--fail-on-findings", "--quiet")
	r.expect(t, 3, nil, nil)
	entries, _ := os.ReadDir(filepath.Join(dir, "avgaudit-rapport"))
	if names := dirNames(entries); names != "historie rapport.html rapport.xlsx resultaten.json" {
		t.Errorf("output directory holds %s, want the 3 reports and the history folder", names)
	}
}

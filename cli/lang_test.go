package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/scratch"
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

// englishWords are words of English sentences that are no Dutch words:
// a Dutch run that prints one of them outside a quoted value, a file
// name or an id has an English sentence in it. dutchWords the other way.
var (
	englishWords = words(`the and not with from this that which could cannot should expected found file files folder
		read write written there have has was were are an to for please no nothing unknown invalid empty needs
		must only choose see add remove rows column sheet line flag value reports error warning
		findings finding passed failed loaded rejected recognised matched review reference wait another takes
		got directory exists already overwrite elsewhere its it they their be been into than then when where why
		does did how all any each other one`)
	dutchWords = words(`de het een niet van geen met voor naar bestand bestanden rij rijen kolom kolommen wordt kan
		zijn bij ook dat die maar nog er heeft zie kies verwacht onbekende controle controles bevindingen
		waarschuwing peildatum ingelezen uit deze als waarom eerst opnieuw geschreven overschrijven`)
)

// citation leaves out a legal source, which is Dutch in both languages
// ("AVG art. 5 lid 1 sub e", "2 jaar na einde opvang"): the lines of
// checks show that cite one.
var citation = regexp.MustCompile(`(?m)^.*\bart\. .*$`)

// impactWhy leaves out why a check has its impact: the checks' headers
// (queries/*.sql) write it in English only, for reviewers.
var impactWhy = regexp.MustCompile(`(?m)^(Impact: .*\)): .*$`)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// quotedOrBracketed are what a message quotes: values, headers, sheet names.
var quotedOrBracketed = regexp.MustCompile("\"[^\"\n]*\"|`[^`\n]*`|\\[[^\\]\n]*\\]|«[^»\n]*»")

// foreignWords lists the words of out that are in list, leaving out what
// is quoted, bracketed, a path, an id, a flag or a number.
func foreignWords(out string, list map[string]bool) []string {
	var found []string
	seen := map[string]bool{}
	out = impactWhy.ReplaceAllString(citation.ReplaceAllString(out, ""), "$1")
	for _, w := range strings.Fields(quotedOrBracketed.ReplaceAllString(out, " ")) {
		w = strings.Trim(w, ",;:()!?'")
		if w == "" || strings.ContainsAny(w, "/\\_.-=@<>%*#0123456789") {
			continue
		}
		if strings.ToUpper(w) != w { // REVIEW, BSN, FOUT are markers, not sentences
			w = strings.ToLower(w)
		}
		if list[w] && !seen[w] {
			seen[w] = true
			found = append(found, w)
		}
	}
	return found
}

// TestOneLanguage runs every command, and the mistakes a user makes most,
// in the default language and with --lang en: a Dutch run says no English
// sentence, an English run no Dutch one; both name what the error is about.
func TestOneLanguage(t *testing.T) {
	rejects := abs(t, "testdata/rejects")
	sampleOut := func(t *testing.T) []string {
		return []string{"sample", "--check", "photo_without_consent", "--size", "3", "--seed", "7", "--out", filepath.Join(t.TempDir(), "s.xlsx")}
	}
	locked := func(t *testing.T) []string {
		out := t.TempDir()
		work, _, err := scratch.Open(out) // a run that is still writing to out
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { work.Close() })
		return []string{"audit", rejects, "--out", out}
	}
	withFile := func(name, content string, args ...string) func(t *testing.T) []string {
		return func(t *testing.T) []string {
			dir := t.TempDir()
			writeTestFile(t, filepath.Join(dir, name), content)
			return append(args, filepath.Join(dir, name))
		}
	}
	initOf := func(src string) func(t *testing.T) []string {
		return func(t *testing.T) []string { return []string{"init", copyDir(t, src, "manifest.yaml")} }
	}
	fixed := func(args ...string) func(t *testing.T) []string { return func(*testing.T) []string { return args } }
	tests := []struct {
		name string
		args func(t *testing.T) []string
		code int
		want []string // in both languages: what the message is about
	}{
		{"audit", fixed("audit", "--audience", "all"), 0, []string{"1.284", "1,284"}},
		{"audit of rejects", fixed("audit", rejects), 0, []string{`"Geplaatst"`}},
		{"init", initOf("testdata/init/export"), 0, nil},
		{"init draft", initOf("testdata/init/draft"), 0, []string{"care_end"}},
		{"sample", sampleOut, 0, []string{"seed 7"}},
		{"checks", fixed("checks"), 0, []string{"photo_without_consent"}},
		{"checks show", fixed("checks", "show", "retention_portal"), 0, []string{"retention.portal_months"}},
		{"version", fixed("version"), 0, []string{"0.1.0"}},
		{"unknown flag", fixed("audit", "--outt", "x"), 2, []string{"--outt", "--out"}},
		{"unknown short flag", fixed("init", "-x"), 2, []string{"-x"}},
		{"flag needs a value", fixed("audit", "--as-of"), 2, []string{"--as-of"}},
		{"bad --as-of", fixed("audit", "--as-of", "1-9-2026"), 2, []string{"1-9-2026", "2026-09-01"}},
		{"bad --size", fixed("sample", "--size", "tien"), 2, []string{"--size", `"tien"`}},
		{"bad boolean", fixed("audit", "--quiet=misschien"), 2, []string{"--quiet"}},
		{"unknown command", fixed("audti"), 2, []string{`"audti"`}},
		{"missing directory", fixed("audit", "/nonexistent/exports"), 2, []string{"/nonexistent/exports"}},
		{"broken manifest", fixed("audit", abs(t, "testdata/badmanifest")), 1, []string{"portal_fotos", "first_name"}},
		{"nothing recognised", func(t *testing.T) []string { return []string{"audit", t.TempDir()} }, 1, []string{"manifest.yaml", ".xlsx"}},
		{"nothing to place", func(t *testing.T) []string { return []string{"init", t.TempDir()} }, 1, nil},
		{"manifest exists", fixed("init", abs(t, "testdata/rejects")), 2, []string{"manifest.yaml", "--force"}},
		{"nothing to sample", fixed("sample", rejects, "--check", "photo_after_withdrawal"), 1, []string{"photo_after_withdrawal", "2026-09-01"}},
		{"locked output folder", locked, 1, []string{"--out"}},
		{"strict", fixed("audit", rejects, "--strict"), 1, []string{"--strict", `"Geplaatst"`}},
		{"unknown check", fixed("checks", "show", "nope"), 2, []string{`"nope"`}},
		{"unknown --only", fixed("audit", "--only", "fotos"), 2, []string{`"fotos"`}},
		{"encrypt without password", fixed("audit", "--encrypt"), 2, []string{"AVGAUDIT_REPORT_PASSWORD"}},
		{"missing password file", fixed("audit", rejects, "--password-file", "/nonexistent/pw.txt"), 2, []string{"/nonexistent/pw.txt"}},
		{"empty password file", withFile("leeg.txt", "", "audit", rejects, "--password-file"), 2, []string{"leeg.txt"}},
		{"bad policy", withFile("beleid.yaml", "retention:\n  portal_months: -3\n", "audit", rejects, "--policy"), 1, []string{"retention.portal_months"}},
		{"missing policy", fixed("audit", rejects, "--policy", "/nonexistent/beleid.yaml"), 1, []string{"/nonexistent/beleid.yaml"}},
		{"bad previous", withFile("vorig.json", "{}", "audit", rejects, "--previous"), 1, []string{"vorig.json"}},
		{"bad register", withFile("risicos.yaml", "accepted_risks:\n  - check: photo_without_consnet\n", "audit", rejects, "--accepted-risks"), 1, []string{"risicos.yaml", "photo_without_consent"}},
		{"own checks not a folder", fixed("checks", "--checks", "/nonexistent/eigen"), 2, []string{"/nonexistent/eigen"}},
		{"missing export", withFile("manifest.yaml", "version: 1\norganisation: x\nsystems:\n  portal:\n    product: Konnect\n    files:\n      - {file: weg.csv, table: portal_photos}\n", "audit"), 1, []string{"weg.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []string{"nl", "en"} {
				args := tt.args(t)
				if strings.HasSuffix(tt.name, "export") { // the manifest's folder is the source
					args[len(args)-1] = filepath.Dir(args[len(args)-1])
				}
				if lang == "en" { // after the command: a flag missing its value must not take it
					args = append([]string{args[0], "--lang", "en"}, args[1:]...)
				}
				r := avgaudit(t, t.TempDir(), args...)
				out := r.stdout + r.stderr
				if r.code != tt.code {
					t.Errorf("%s: exit code %d, want %d:\n%s", lang, r.code, tt.code, out)
				}
				for _, w := range tt.want {
					if w == "1.284" && lang == "en" || w == "1,284" && lang == "nl" {
						continue
					}
					if !strings.Contains(out, w) {
						t.Errorf("%s: lacks %q:\n%s", lang, w, out)
					}
				}
				list, other := englishWords, "English"
				if lang == "en" {
					list, other = dutchWords, "Dutch"
				}
				if found := foreignWords(out, list); len(found) > 0 {
					t.Errorf("%s: %s words %v in:\n%s", lang, other, found, out)
				}
			}
		})
	}
}

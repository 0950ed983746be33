package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

// checklist reads every sheet of a checklist the sample command wrote.
func checklist(t *testing.T, file string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string][][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		sheets[sh] = rows
	}
	return sheets
}

// sampleKeys lists the record keys of a checklist's records, in order.
func sampleKeys(t *testing.T, book map[string][][]string) []string {
	t.Helper()
	rows := book["Steekproef"]
	if len(rows) == 0 || rows[0][3] != "Record" {
		t.Fatalf("no Steekproef sheet with a Record column: %v", rows)
	}
	file := slices.Index(rows[0], "Bronbestand")
	var keys []string
	for _, r := range rows[1:] {
		keys = append(keys, r[file]+"|"+r[3]) // file and key: unique across tables
	}
	return keys
}

// TestSampleNamesChild: the FG's checklist names the child next to the
// record key, looked up by the child's id in its system's children table;
// a sample of records that are not about a child has no such column.
func TestSampleNamesChild(t *testing.T) {
	dir := t.TempDir()
	sample(t, dir, "--check", "photo_without_consent", "--size", "3", "--seed", "1", "--out", "foto.xlsx")
	rows := checklist(t, filepath.Join(dir, "foto.xlsx"))["Steekproef"]
	if got := rows[0][3:6]; !slices.Equal(got, []string{"Record", "Kind", "Bronbestand"}) {
		t.Fatalf("columns %v, want the child's name after the record key", got)
	}
	// Photo F0001 is of child PK0123, Hiba Vermeulen in the portal's children.
	if rows[1][3] != "F0001/PK0123" || rows[1][4] != "Hiba Vermeulen" {
		t.Errorf("record %s names %q, want Hiba Vermeulen", rows[1][3], rows[1][4])
	}
	for _, r := range rows[1:] {
		if r[4] == "" {
			t.Errorf("record %s names no child", r[3])
		}
	}
	sample(t, dir, "--table", "processors", "--size", "3", "--seed", "1", "--out", "verwerkers.xlsx")
	rows = checklist(t, filepath.Join(dir, "verwerkers.xlsx"))["Steekproef"]
	if slices.Contains(rows[0], "Kind") {
		t.Errorf("processors are not children: columns %v", rows[0])
	}
}

// sample runs avgaudit sample in dir and fails the test unless it exits 0.
func sample(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := avgaudit(t, dir, append([]string{"sample"}, args...)...)
	if r.code != 0 {
		t.Fatalf("avgaudit sample %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// TestSampleReproducible draws each kind of population twice with the
// same seed (the same workbook content) and once with another seed (other
// records), on the sample organisation.
func TestSampleReproducible(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"one check", []string{"--check", "photo_without_consent", "--size", "4"}},
		{"one table", []string{"--table", "admin_children", "--size", "10"}},
		{"all findings", []string{"--size", "10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			sample(t, dir, append(tt.args, "--seed", "42", "--out", "a.xlsx")...)
			sample(t, dir, append(tt.args, "--seed", "42", "--out", "b.xlsx")...)
			sample(t, dir, append(tt.args, "--seed", "43", "--out", "c.xlsx")...)
			a, b, c := checklist(t, filepath.Join(dir, "a.xlsx")), checklist(t, filepath.Join(dir, "b.xlsx")), checklist(t, filepath.Join(dir, "c.xlsx"))
			if diff := cmp.Diff(a, b); diff != "" {
				t.Errorf("the same seed gave another checklist (-first +second):\n%s", diff)
			}
			ka, kc := sampleKeys(t, a), sampleKeys(t, c)
			if slices.Equal(ka, kc) {
				t.Errorf("seeds 42 and 43 drew the same records: %v", ka)
			}
			if len(ka) != len(kc) {
				t.Errorf("seed 42 drew %d records, seed 43 %d", len(ka), len(kc))
			}
		})
	}
}

// TestSampleRedraw draws with a random seed, then runs the command the
// checklist gives to draw it again: the same records.
func TestSampleRedraw(t *testing.T) {
	dir := t.TempDir()
	r := sample(t, dir, "--size", "8")
	m := regexp.MustCompile(`seed (\d+): trek dezelfde steekproef opnieuw met --seed (\d+)`).FindStringSubmatch(r.stdout)
	if m == nil || m[1] != m[2] {
		t.Fatalf("no seed printed:\n%s", r.stdout)
	}
	first := checklist(t, filepath.Join(dir, "steekproef-bevindingen-"+m[1]+".xlsx"))
	var command string
	for _, row := range first["Verantwoording"] {
		if len(row) > 1 && row[0] == "Opnieuw trekken" {
			command = row[1]
		}
	}
	want := "avgaudit sample --seed " + m[1] + " --size 8 --as-of 2026-09-01 --lang nl"
	if command != want {
		t.Fatalf("redraw command %q, want %q", command, want)
	}
	args := strings.Fields(command)[2:]
	sample(t, dir, append(args, "--out", "again.xlsx")...)
	again := checklist(t, filepath.Join(dir, "again.xlsx"))
	if diff := cmp.Diff(sampleKeys(t, first), sampleKeys(t, again)); diff != "" {
		t.Errorf("the redraw command drew other records (-first +redraw):\n%s", diff)
	}
}

// TestSampleLargerThanPopulation asks for more records than the check
// found: all of them, and it says so. openpyxl and LibreOffice open the
// checklist.
func TestSampleLargerThanPopulation(t *testing.T) {
	dir := t.TempDir()
	r := sample(t, dir, "--check", "photo_without_consent", "--size", "50", "--seed", "5")
	// In the checklist's language, as the source is named.
	// The manifest's as_of is the reference date, said on the terminal.
	for _, want := range []string{"steekproef uit de voorbeeldorganisatie (ingebouwd)",
		"peildatum 2026-09-01: de bevindingen en bewaartermijnen gelden op die dag",
		"populatie: 9 bevindingen van controle photo_without_consent; --size 50 is niet kleiner, dus de steekproef bevat ze allemaal",
		"checklist geschreven naar steekproef-photo_without_consent-5.xlsx"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	book := checklist(t, filepath.Join(dir, "steekproef-photo_without_consent-5.xlsx"))
	if keys := sampleKeys(t, book); len(keys) != 9 {
		t.Errorf("%d records, want the 9 findings", len(keys))
	}
	facts := map[string]string{}
	for _, row := range book["Verantwoording"] {
		if len(row) > 1 {
			facts[row[0]] = row[1]
		}
	}
	want := map[string]string{
		"Seed": "5", "Gevraagde omvang": "50", "Omvang populatie": "9 records", "Peildatum": "1 september 2026",
		"Getrokken": "alle 9 records: de gevraagde omvang is niet kleiner dan de populatie",
	}
	for k, v := range want {
		if facts[k] != v {
			t.Errorf("Verantwoording: %s = %q, want %q", k, facts[k], v)
		}
	}
	if header := book["Steekproef"][0]; !slices.Contains(header, "Toestemmingsformulier aanwezig?") {
		t.Errorf("a consent check's checklist does not ask for the consent form: %v", header)
	}
	// Other readers open it without complaint.
	file := filepath.Join(dir, "steekproef-photo_without_consent-5.xlsx")
	if got := xlsxtest.Openpyxl(t, file, `print(len(wb["Steekproef"].data_validations.dataValidation))`); got != "3" {
		t.Errorf("openpyxl sees %s data validations, want 3 (consent form, matches, date)", got)
	}
	if csv := xlsxtest.LibreOfficeCSV(t, file); !strings.Contains(csv, "Toestemmingsformulier aanwezig?") {
		t.Errorf("LibreOffice's CSV of the checklist lacks its header:\n%s", csv)
	}
}

// TestSampleTableMasksBSN samples every row of admin_children: the BSN
// column is masked and no sample BSN is anywhere in the workbook.
func TestSampleTableMasksBSN(t *testing.T) {
	dir := t.TempDir()
	sample(t, dir, "--table", "admin_children", "--size", "1000", "--seed", "3", "--out", "kinderen.xlsx")
	file := filepath.Join(dir, "kinderen.xlsx")
	assertNoneOf(t, xlsxParts(t, file), sampleBSNs(t))
	rows := checklist(t, file)["Steekproef"]
	col := slices.Index(rows[0], "BSN")
	if col < 0 {
		t.Fatalf("no BSN column in %v", rows[0])
	}
	masked := 0
	for _, r := range rows[1:] {
		if col < len(r) && r[col] != "" {
			if !regexp.MustCompile(`^\*{5}\d{4}$`).MatchString(r[col]) {
				t.Errorf("BSN cell %q is not masked", r[col])
			}
			masked++
		}
	}
	if len(rows) != 178 || masked < 50 {
		t.Errorf("%d rows (want 177 children and the header), %d masked BSNs", len(rows), masked)
	}
}

func TestSampleEnglish(t *testing.T) {
	dir := t.TempDir()
	sample(t, dir, "--table", "portal_consents", "--size", "3", "--seed", "9", "--lang", "en")
	book := checklist(t, filepath.Join(dir, "steekproef-portal_consents-9.xlsx"))
	if _, ok := book["Sample"]; !ok {
		t.Fatalf("no Sample sheet: %v", book)
	}
	header := book["Sample"][0]
	for _, want := range []string{"Record key", "Consent type", "Consent form present?", "Matches the system?", "Date checked"} {
		if !slices.Contains(header, want) {
			t.Errorf("header lacks %q: %v", want, header)
		}
	}
	if len(book["Method"]) < 10 {
		t.Errorf("Method sheet: %v", book["Method"])
	}
}

// TestSampleCommands checks the command line's mistakes and what an
// empty population says; none of them leaves a file.
func TestSampleCommands(t *testing.T) {
	rejects := abs(t, "testdata/rejects")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
	}{
		{"help", []string{"--help", "--lang", "en"}, 0, []string{"avgaudit sample [SOURCE_DIR]", "--seed N", "--check ID", "--table T", "EXIT STATUS"}, nil},
		{"help command", []string{"help"}, 0, []string{"avgaudit sample [BRONMAP]"}, nil},
		{"unknown check", []string{"--check", "nope"}, 2, nil, []string{`--check "nope": die controle bestaat niet; controles: account_after_employment, `, "photo_without_consent"}},
		{"area is not a check", []string{"--check", "toestemming"}, 2, nil, []string{`--check "toestemming": die controle bestaat niet`}},
		{"unknown table", []string{"--table", "kinderen"}, 2, nil, []string{`--table "kinderen": die tabel bestaat niet; tabellen: `, "admin_children"}},
		{"check and table", []string{"--check", "photo_without_consent", "--table", "portal_photos"}, 2, nil, []string{"--check en --table gaan niet samen"}},
		{"size zero", []string{"--size", "0"}, 2, nil, []string{"--size 0: een steekproef heeft minstens 1 record nodig"}},
		{"bad seed", []string{"--seed", "-1"}, 2, nil, []string{`--seed "-1": verwacht een geheel getal van 0 of meer`}},
		{"bad lang", []string{"--lang", "de"}, 2, nil, []string{`--lang "de": kies nl of en`}},
		{"two dirs", []string{rejects, rejects}, 2, nil, []string{"sample heeft één BRONMAP nodig, kreeg er 2"}},
		{"not a dir", []string{"/nonexistent/exports"}, 2, nil, []string{`BRONMAP "/nonexistent/exports" is geen map`}},
		{"table not supplied", []string{rejects, "--table", "admin_children"}, 1, nil, []string{"niets om uit te trekken: geen export is gekoppeld aan tabel admin_children"}},
		{"check not run", []string{rejects, "--check", "request_overdue"}, 1, nil, []string{"controle request_overdue is niet uitgevoerd: geen gegevens voor requests"}},
		{"check without findings", []string{rejects, "--check", "photo_after_withdrawal"}, 1, nil, []string{"niets om uit te trekken: controle photo_after_withdrawal heeft geen bevindingen op 2026-09-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := avgaudit(t, dir, append([]string{"sample"}, tt.args...)...)
			if tt.name == "help command" {
				r = avgaudit(t, dir, "help", "sample")
			}
			r.expect(t, tt.wantCode, tt.wantOut, tt.wantErr)
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left %s behind", entries[0].Name())
			}
		})
	}
}

// TestSampleKeepsAnswers refuses to overwrite a checklist (the FG may have
// filled it in) unless --force is given.
func TestSampleKeepsAnswers(t *testing.T) {
	dir := t.TempDir()
	sample(t, dir, "--check", "retention_hr", "--seed", "1")
	file := filepath.Join(dir, "steekproef-retention_hr-1.xlsx")
	writeTestFile(t, file, "answers")
	r := avgaudit(t, dir, "sample", "--check", "retention_hr", "--seed", "1")
	r.expect(t, 2, nil, []string{"steekproef-retention_hr-1.xlsx bestaat al (er kunnen antwoorden van de FG in staan); voeg --force toe"})
	if b, _ := os.ReadFile(file); string(b) != "answers" {
		t.Error("the existing checklist was overwritten")
	}
	sample(t, dir, "--check", "retention_hr", "--seed", "1", "--force")
	if keys := sampleKeys(t, checklist(t, file)); len(keys) != 7 {
		t.Errorf("--force wrote %d records, want the 7 findings", len(keys))
	}
}

// TestSampleSourceDir samples a folder of exports with a rejected row: the
// warning names the row, and the findings are sampled.
func TestSampleSourceDir(t *testing.T) {
	dir := t.TempDir()
	r := sample(t, dir, abs(t, "testdata/rejects"), "--check", "photo_without_consent", "--seed", "2", "--out", "s.xlsx")
	if !strings.Contains(r.stderr, `foto.csv, rij 3, kolom "Geplaatst"`) {
		t.Errorf("stderr lacks the rejected row:\n%s", r.stderr)
	}
	book := checklist(t, filepath.Join(dir, "s.xlsx"))
	if keys := sampleKeys(t, book); len(keys) != 1 {
		t.Errorf("records %v, want the 1 finding", keys)
	}
	for _, row := range book["Verantwoording"] {
		if len(row) > 1 && row[0] == "Opnieuw trekken" && !strings.Contains(row[1], "avgaudit sample "+abs(t, "testdata/rejects")+" --seed 2 --size 25 --check photo_without_consent") {
			t.Errorf("redraw command %q lacks the source folder", row[1])
		}
	}
}

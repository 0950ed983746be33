package cli_test

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The personal values the leak test hides in the exports, each as the
// digits (or letters) a scan looks for once separators are gone.
var leakSecrets = map[string]string{
	"BSN with non-breaking spaces":    "156154973",
	"BSN 2-2-2-3 with dots":           "693958832",
	"BSN 4-3-2":                       "345774115",
	"9 digits failing the 11-check":   "123456789",
	"phone (0636026322, +31 …)":       "636026322",
	"postcode without its space":      "6579GW",
	"e-mail in a date column":         "zonderland@example",
	"name in the BSN column":          "Vriesinga",
	"BSN of a child (bsn column)":     "111222333",
	"BSN in a file name (3-3-3 dots)": "234567891",
}

// maskedFree are the masked forms of the hidden values that only the FG's
// outputs may show: the risk analysis and the board's report leave free
// text out, and mark what they scrub. The name in the free text, of a
// person in no table, is checked for too.
var maskedFree = []string{"*****4973", "*****8832", "*****4115", "*****6789", "06******22", "+3******22", "65** **"}

// TestLeakScan audits an organisation whose exports hide BSNs, phone
// numbers and postcodes in every written form (free text, columns where
// they do not belong, a file name) with every audience, draws a sample
// checklist, and scans every output — the terminal, every report file,
// every part of every workbook, the history — for them (issue 12): none
// may appear in full anywhere, and the masked forms of the free text only
// in the FG's outputs.
func TestLeakScan(t *testing.T) {
	src := t.TempDir()
	nbsp := "\u00a0"
	writeTestFile(t, filepath.Join(src, "manifest.yaml"), `version: 1
organisation: Lek BV
as_of: 2026-09-01
systems:
  admin:
    product: Kidsadmin
    files:
      - {file: kinderen.csv, table: admin_children}
  register:
    product: Registers
    files:
      - {file: klachten 234.567.891.csv, table: complaints}
      - {file: datalekken.csv, table: breaches}
`)
	writeTestFile(t, filepath.Join(src, "kinderen.csv"), "child_id;first_name;last_name;bsn;care_end\n"+
		"K1;Anna;Jansen;111222333;\n"+
		"K2;Bram;Smit;;wilhelmina.zonderland@example.nl\n"+
		"K3;Cas;Bakker;Vriesinga;\n"+
		"K4;Daan;Visser;;+31 6 36026322\n"+
		"K5;Eva;Mulder;;156"+nbsp+"154"+nbsp+"973\n")
	writeTestFile(t, filepath.Join(src, "klachten 234.567.891.csv"), "complaint_id;received_at;handled_at;subject\n"+
		"C1;01-03-2020;01-04-2020;BSN 156"+nbsp+"154"+nbsp+"973 van het kind stond in de mail\n"+
		"C2;02-03-2020;02-04-2020;nummers 69.39.58.832 en 3457 741 15 en 123456789\n"+
		"C3;03-03-2020;03-04-2020;behandeld door Wilhelmina Zonderland, tel 0636026322 of +31636026322 of +31 6 36026322\n"+
		"C4;04-03-2020;04-04-2020;adres Dorpsstraat 1, 6579GW Tiel\n")
	writeTestFile(t, filepath.Join(src, "datalekken.csv"), "breach_id;discovered_at;reportable;facts\n"+
		"D1;01-05-2026 10:00;nee;lijst met BSN 69.39.58.832 en tel +31 6 36026322 gemaild naar 6579GW\n")

	work := t.TempDir()
	out := filepath.Join(work, "rapport")
	checks := abs(t, "testdata/leak/checks")
	var terminal strings.Builder
	for _, args := range [][]string{
		{"audit", src, "--audience", "all", "--out", out, "--checks", checks},
		{"audit", src, "--audience", "all", "--out", out, "--checks", checks, "--lang", "en"},
		{"sample", src, "--table", "complaints", "--seed", "7", "--out", filepath.Join(out, "steekproef.xlsx")},
		{"sample", src, "--seed", "7", "--out", filepath.Join(out, "steekproef-alles.xlsx"), "--force"},
	} {
		r := avgaudit(t, work, args...)
		if r.code != 0 {
			t.Fatalf("avgaudit %s: exit %d\n%s\n%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		terminal.WriteString(r.stdout + r.stderr)
	}

	outputs := map[string]string{"terminal": terminal.String()}
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		if !strings.HasSuffix(path, ".xlsx") {
			outputs[rel] = string(b)
			return nil
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return err
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			part, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
			outputs[rel+"/"+f.Name] = string(part)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(outputs) < 20 {
		t.Fatalf("only %d outputs to scan", len(outputs))
	}
	squeeze := strings.NewReplacer(" ", "", nbsp, "", "\u202f", "", ".", "", "-", "", "+31", "", "&#160;", "", "&nbsp;", "")
	for name, text := range outputs {
		flat := squeeze.Replace(text)
		for what, secret := range leakSecrets {
			if strings.Contains(flat, secret) || strings.Contains(strings.ToUpper(flat), strings.ToUpper(secret)) {
				t.Errorf("%s shows the %s (%s)", name, what, secret)
			}
		}
		fg := strings.Contains(name, "-fg.") || strings.HasPrefix(name, "historie") || strings.HasPrefix(name, "steekproef") || name == "terminal"
		for _, m := range append(maskedFree, "Zonderland") {
			if !fg && strings.Contains(text, m) {
				t.Errorf("%s, not the FG's, shows %q", name, m)
			}
		}
	}
	if fg := outputs["resultaten-fg.json"]; !strings.Contains(fg, "*****8832") || !strings.Contains(fg, "65** **") {
		t.Error("the FG's results do not show the masked free text")
	}
	// The children's names (check kinderen finds every child): next to the
	// record key in the FG's report, in no other audience's output, nor
	// the field that would carry them.
	// (Anna's row is the one loaded whole; the others' are rejected.)
	var workbook strings.Builder
	for name, text := range outputs {
		if strings.HasPrefix(name, "rapport-fg.xlsx/xl/worksheets/") || name == "rapport-fg.xlsx/xl/sharedStrings.xml" {
			workbook.WriteString(text)
		}
	}
	outputs["rapport-fg.xlsx sheets"] = workbook.String()
	for _, fg := range []string{"rapport-fg.html", "resultaten-fg.json", "rapport-fg.xlsx sheets"} {
		if !strings.Contains(outputs[fg], "Anna Jansen") {
			t.Errorf("%s does not name the child Anna Jansen", fg)
		}
	}
	for name, text := range outputs {
		fg := strings.Contains(name, "-fg.") || strings.HasPrefix(name, "historie") || strings.HasPrefix(name, "steekproef") || name == "terminal"
		if fg {
			continue
		}
		for _, child := range []string{"Anna", "Jansen", "Bram", "Smit", "Bakker", "Daan", "Visser", "Eva", "Mulder", "child_name"} {
			if strings.Contains(text, child) {
				t.Errorf("%s, not the FG's, shows %q", name, child)
			}
		}
	}
}

// TestWideExport audits a children export with 10,000 extra columns: the
// audit writes every report of every audience, and the terminal lists the
// first skipped columns and how many more (issue 12: the Excel report
// failed on a row taller than 409 points, and the terminal printed all
// 10,000 names).
func TestWideExport(t *testing.T) {
	src := t.TempDir()
	wide, err := os.ReadFile("../ingest/testdata/corpus/wide.csv")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(src, "kinderen.csv"), string(wide))
	writeTestFile(t, filepath.Join(src, "manifest.yaml"), "version: 1\norganisation: x\nas_of: 2026-09-01\nsystems:\n  admin:\n    product: Kidsadmin\n    files:\n      - {file: kinderen.csv, table: admin_children}\n")
	out := filepath.Join(t.TempDir(), "rapport")
	r := avgaudit(t, t.TempDir(), "audit", src, "--audience", "all", "--out", out)
	r.expect(t, 0, []string{"Extra0, Extra1, Extra2, Extra3, Extra4, Extra5, Extra6, Extra7, Extra8, Extra9 … en nog 9.990"}, nil)
	if strings.Contains(r.stdout, "Extra10,") || len(r.stdout) > 20000 {
		t.Errorf("the terminal lists too much (%d bytes)", len(r.stdout))
	}
	for _, name := range []string{"rapport.xlsx", "rapport-fg.xlsx", "rapport-bestuur.xlsx", "rapport.html", "resultaten-fg.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
}

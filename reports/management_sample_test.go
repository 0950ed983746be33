package reports

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

// TestMgmtXLSXReaders opens the management workbook with openpyxl and
// LibreOffice.
func TestMgmtXLSXReaders(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		file := writeMgmtWorkbookOf(t, mgmtFixture(t), mgmtOpt(lang))
		openWithOpenpyxl(t, file)
		csv := xlsxtest.LibreOfficeCSV(t, file)
		// The CSV is not UTF-8: look for ASCII text only.
		for _, want := range []string{"Kinderopvang Het Vlindernest & Co", "< 5", map[string]string{"nl": "Grootste risico's", "en": "Top risks"}[lang]} {
			if !strings.Contains(csv, want) {
				t.Errorf("%s: LibreOffice's CSV of the sheet lacks %q:\n%s", lang, want, csv)
			}
		}
	}
}

// TestMgmtSample audits the sample organisation and writes its management
// report in every format and language: none of the sample's names, BSNs,
// e-mail addresses, IBANs or birth dates, read from its own export files,
// may be in it. The HTML and workbook also open in Chromium, openpyxl and
// LibreOffice.
func TestMgmtSample(t *testing.T) {
	run := sampleRun(t)
	personal := samplePersonalData(t)
	for kind, vals := range personal {
		if len(vals) < 5 {
			t.Fatalf("found only %d %s values in the sample's exports: %q", len(vals), kind, vals)
		}
	}
	// The full report does hold names: the search finds what it looks for.
	if full := string(render(t, JSONReporter{}, run, testOpt{})); !containsAny(full, personal["name"]) {
		t.Error("no name of the sample is in its full resultaten.json: the search would find nothing")
	}

	for where, text := range mgmtOutputs(t, func() *results.Run { return run }) {
		for kind, vals := range personal {
			for _, v := range vals {
				if containsWord(text, v) {
					t.Errorf("%s contains the %s %q", where, kind, v)
				}
			}
		}
	}

	t.Run("browser", func(t *testing.T) {
		for _, lang := range []string{"nl", "en"} {
			b := openInBrowser(t, renderMgmt(t, ManagementHTMLReporter{}, run, mgmtOpt(lang)), "#"+mgmtChartID+" svg")
			if n := b.count(t, `document.querySelectorAll("table.risk-matrix td.cell").length`); n != 25 {
				t.Errorf("%s: the risk matrix has %d cells, want 25", lang, n)
			}
			b.printA4(t)
			if n := b.count(t, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); n > 0 {
				t.Errorf("%s: printed on A4 the page is %d px wider than the paper", lang, n)
			}
			for _, p := range b.seen() {
				t.Errorf("%s: %s", lang, p)
			}
		}
	})
	t.Run("workbook", func(t *testing.T) {
		file := writeMgmtWorkbookOf(t, run, mgmtOpt("nl"))
		openWithOpenpyxl(t, file)
		if csv := xlsxtest.LibreOfficeCSV(t, file); !strings.Contains(csv, run.Organisation) {
			t.Errorf("LibreOffice's CSV of the sheet lacks the organisation:\n%s", csv)
		}
	})
}

// containsWord reports whether v occurs in text not as part of a longer
// word or number: a last name "Kok" is not found in "Kokos", a BSN not
// inside a longer number.
func containsWord(text, v string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], v)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(v)
		if !wordChar(text, start-1) && !wordChar(text, end) {
			return true
		}
		i = start + 1
	}
}

func wordChar(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func containsAny(text string, vals []string) bool {
	for _, v := range vals {
		if strings.Contains(text, v) {
			return true
		}
	}
	return false
}

// samplePersonalData reads the sample organisation's exports (CSV, TSV and
// workbooks) and returns their personal values by kind: name, bsn, email,
// iban, birth_date. Columns are chosen by their headers; a birth date is
// also listed in the forms a report would write it.
func samplePersonalData(t *testing.T) map[string][]string {
	t.Helper()
	org, err := fs.Sub(samples.Org, "org")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]map[string]bool{}
	add := func(kind, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		if seen[kind] == nil {
			seen[kind] = map[string]bool{}
		}
		seen[kind][v] = true
	}
	err = fs.WalkDir(org, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		tables, err := readSampleTables(org, p)
		if err != nil {
			return err
		}
		for _, rows := range tables {
			personalValues(rows, add)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for kind, vals := range seen {
		for v := range vals {
			out[kind] = append(out[kind], v)
		}
	}
	return out
}

// readSampleTables reads one export: a CSV or TSV as one table, a workbook
// as one table per sheet. Other files (manifest, policy) give none.
func readSampleTables(fsys fs.FS, p string) ([][][]string, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	switch path.Ext(p) {
	case ".csv", ".tsv":
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma = sniffDelimiter(data)
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		rows, err := r.ReadAll()
		return [][][]string{rows}, err
	case ".xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var tables [][][]string
		for _, sh := range f.GetSheetList() {
			rows, err := f.GetRows(sh)
			if err != nil {
				return nil, err
			}
			tables = append(tables, rows)
		}
		return tables, nil
	}
	return nil, nil
}

func sniffDelimiter(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	best, count := ',', 0
	for _, d := range []rune{';', '\t', ','} {
		if n := bytes.Count(line, []byte(string(d))); n > count {
			best, count = d, n
		}
	}
	return best
}

// nameColumns are the headers of the sample's columns that hold a person's
// whole name.
var nameColumns = map[string]bool{
	"naam": true, "kind": true, "debiteur": true, "mentor": true, "observator": true, "eigenaar": true,
	"geplaatst door": true, "aangemaakt door": true, "gegeven door": true,
}

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
var nlDate = regexp.MustCompile(`^(\d{2})-(\d{2})-(\d{4})$`)

// personalValues passes each personal value of a table (first row: the
// headers) to add, with its kind.
func personalValues(rows [][]string, add func(kind, v string)) {
	if len(rows) < 2 {
		return
	}
	head := rows[0]
	col := func(row []string, name string) string {
		for i, h := range head {
			if strings.EqualFold(strings.TrimSpace(h), name) && i < len(row) {
				return strings.TrimSpace(row[i])
			}
		}
		return ""
	}
	for _, row := range rows[1:] {
		if first, last := col(row, "Voornaam"), col(row, "Achternaam"); first != "" && last != "" {
			add("name", strings.Join(strings.Fields(first+" "+col(row, "Tussenvoegsel")+" "+last), " "))
			if len(last) >= 4 {
				add("name", strings.Join(strings.Fields(col(row, "Tussenvoegsel")+" "+last), " "))
			}
		}
		for i, h := range head {
			if i >= len(row) {
				continue
			}
			h, v := strings.ToLower(strings.TrimSpace(h)), strings.TrimSpace(row[i])
			switch {
			case nameColumns[h] && strings.Contains(v, " "):
				add("name", v)
			case strings.Contains(h, "bsn"):
				add("bsn", v)
			case strings.Contains(h, "mail") && strings.Contains(v, "@"):
				add("email", v)
			case strings.Contains(h, "iban"):
				add("iban", v)
			case strings.Contains(h, "geboortedatum"):
				for _, form := range dateForms(v) {
					add("birth_date", form)
				}
			}
		}
	}
}

// dateForms is a birth date as the export has it and as a report could
// write it: 10-02-2011, 2011-02-10, 10 februari 2011, 10 February 2011.
func dateForms(v string) []string {
	var d time.Time
	var err error
	switch {
	case nlDate.MatchString(v):
		d, err = time.Parse("02-01-2006", v)
	case isoDate.MatchString(v):
		d, err = time.Parse("2006-01-02", v[:10])
	default:
		return []string{v}
	}
	if err != nil {
		return []string{v}
	}
	iso := d.Format("2006-01-02")
	return []string{v, d.Format("02-01-2006"), iso, labelsNL.date(d, iso), labelsEN.date(d, iso)}
}

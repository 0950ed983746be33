package reports

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

// TestXLSXGolden reopens the workbook of each audience and language and
// compares each sheet's cells with
// testdata/golden/xlsx/<audience>/<lang>/<sheet>.tsv, the order of the
// sheets with sheets.txt there and the workbook's charts with charts.txt.
// The workbook's bytes are not compared: excelize does not write them in a
// fixed order.
func TestXLSXGolden(t *testing.T) {
	for _, aud := range audiences {
		for _, lang := range []string{"nl", "en"} {
			t.Run(aud.name+"/"+lang, func(t *testing.T) {
				data := render(t, XLSXReporter{}, aud.fixture(t), testOpt{Lang: lang, Audience: aud.name})
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("reopen workbook: %v", err)
				}
				defer f.Close()
				dir := filepath.Join("testdata", "golden", "xlsx", aud.name, lang)
				if *update {
					os.RemoveAll(dir)
				}
				sheets := f.GetSheetList()
				golden(t, filepath.Join(dir, "sheets.txt"), []byte(strings.Join(sheets, "\n")+"\n"))
				for _, sh := range sheets {
					rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatalf("sheet %q: %v", sh, err)
					}
					golden(t, filepath.Join(dir, sh+".tsv"), tsv(rows))
				}
				golden(t, filepath.Join(dir, "charts.txt"), chartRefs(t, data))
			})
		}
	}
}

// chartRefs lists the workbook's charts: per chart part its type and the
// cell ranges of its series' names, categories and values.
func chartRefs(t *testing.T, data []byte) []byte {
	t.Helper()
	parts := xlsxtest.Parts(t, data)
	refs := regexp.MustCompile(`<(barDir) val="(\w+)"|<f>([^<]+)</f>`)
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		if !strings.HasPrefix(name, "xl/charts/chart") {
			continue
		}
		b.WriteString(name + "\n")
		for _, m := range refs.FindAllStringSubmatch(parts[name], -1) {
			if m[1] != "" {
				b.WriteString("  " + m[1] + " " + m[2] + "\n")
			} else {
				b.WriteString("  " + html.UnescapeString(m[3]) + "\n")
			}
		}
	}
	return []byte(b.String())
}

// tsv writes rows as tab-separated lines, with tabs, newlines and
// backslashes in cells escaped so that each row stays one line.
func tsv(rows [][]string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(esc.Replace(c))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func TestXLSXLayout(t *testing.T) {
	data := render(t, XLSXReporter{}, fixture(t), testOpt{Audience: results.AudienceFG})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if got := f.GetSheetList()[0]; got != "Samenvatting" {
		t.Errorf("first sheet = %q, want Samenvatting", got)
	}

	// Counts, row numbers, shares and dates are numbers; record keys and
	// the share of affected records (a sentence) stay text.
	for _, c := range []struct {
		sheet, cell string
		number      bool
	}{
		{"Kindgegevens bewaard na…", "B2", true}, // Rij
		{"Kindgegevens bewaard na…", "D2", false},
		{"Bestanden", "F2", true}, // Rijen gelezen
		{"Bestanden", "I2", true}, // Afgewezen (%)
		{"Afgewezen rijen", "C2", true},
		{"Samenvatting", "C9", true},  // Controles
		{"Samenvatting", "N41", true}, // Score
		{"Samenvatting", "K41", false},
		{"Geaccepteerde risico's", "H2", true}, // Goedgekeurd op
		{"Locaties", "C2", true},
	} {
		typ, err := f.GetCellType(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
		if isNumber != c.number {
			t.Errorf("%s!%s has type %v, want number: %v", c.sheet, c.cell, typ, c.number)
		}
	}
	// Dates show in the language's short form.
	if got, err := f.GetCellValue("Geaccepteerde risico's", "I2"); err != nil || got != "30-06-2027" {
		t.Errorf("the expiry date of A1 shows as %q (%v), want 30-06-2027", got, err)
	}

	// The record sheets have a frozen header row and an autofilter.
	for _, sh := range []string{"Kindgegevens bewaard na…", "Toegang tot ouderportaal na…", "Uitleg per controle", "Bestanden", "Afgewezen rijen",
		"Beleid", "Locaties", "Geaccepteerde risico's", "Opgeloste bevindingen", "Werkwijze"} {
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, want the first row frozen", sh, panes)
		}
		style, err := f.GetCellStyle(sh, "A1")
		if err != nil || style == 0 {
			t.Errorf("%s: header has no style (%v)", sh, err)
		}
		w, err := f.GetColWidth(sh, "A")
		if err != nil || w < minColWidth || w > maxColWidth {
			t.Errorf("%s: column A is %v wide (%v)", sh, w, err)
		}
	}
	filters := 0
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	if filters < 10 {
		t.Errorf("%d sheets have an autofilter, want at least 10", filters)
	}

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-09-01T00:00:00Z" || props.Modified != props.Created || props.Title != "AVG-controle voor de FG" {
		t.Errorf("document properties %q, %q, %q, want the as-of date and the FG title", props.Created, props.Modified, props.Title)
	}

	link, target, err := f.GetCellHyperLink("Samenvatting", "R41")
	if err != nil || !link || target != "'Kindgegevens bewaard na…'!A1" {
		t.Errorf("summary R41 links to %q (%v, %v), want the check's sheet", target, link, err)
	}
	if got, _ := f.GetCellValue("Samenvatting", "B41"); got != "Kindgegevens bewaard na de bewaartermijn" {
		t.Errorf("summary B41 names the check %q, want its Dutch title", got)
	}
	if got, _ := f.GetCellValue("Samenvatting", "Q41"); got != "retention-child-data" {
		t.Errorf("summary Q41 holds %q, want the check's id", got)
	}

	// Printed: A4 landscape, one page wide, the header row on every page,
	// a check's title (and id) in the page header; the summary prints its
	// table of checks up to the owner, the overview on a page of its own.
	for _, sh := range []string{"Samenvatting", "Kindgegevens bewaard na…", "Uitleg per controle", "Werkwijze"} {
		pl, err := f.GetPageLayout(sh)
		if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v (%v), want A4 landscape one page wide", sh, pl, err)
		}
	}
	names := map[string]string{}
	for _, n := range f.GetDefinedName() {
		names[n.Scope+" "+n.Name] = n.RefersTo
	}
	for key, want := range map[string]string{
		"Samenvatting _xlnm.Print_Area":               "'Samenvatting'!$A$1:$P$44",
		"Samenvatting _xlnm.Print_Titles":             "'Samenvatting'!$39:$39",
		"Kindgegevens bewaard na… _xlnm.Print_Titles": "'Kindgegevens bewaard na…'!$1:$1",
		"Bestanden _xlnm.Print_Titles":                "'Bestanden'!$1:$1",
	} {
		if names[key] != want {
			t.Errorf("defined name %s = %q, want %q", key, names[key], want)
		}
	}
	if hf, err := f.GetHeaderFooter("Kindgegevens bewaard na…"); err != nil || !strings.Contains(hf.OddHeader, "Kindgegevens bewaard na de bewaartermijn") ||
		!strings.Contains(hf.OddHeader, "retention-child-data") || !strings.Contains(hf.OddFooter, "pagina &P van &N") {
		t.Errorf("page header and footer %+v (%v), want the check's title, id and the page number", hf, err)
	}

	// The risk level is filled with its colour, in the summary and in the
	// matrix (impact 4, likelihood 2: score 8, medium).
	for _, c := range [][2]string{{"Samenvatting", "O41"}, {"Risicomatrix", "C5"}} {
		fill := cellFill(t, f, c[0], c[1])
		if want := strings.ToUpper(strings.TrimPrefix(levelColours[levelMedium], "#")); fill != want {
			t.Errorf("%s!%s is filled with %q, want %s (medium)", c[0], c[1], fill, want)
		}
	}
	if got, _ := f.GetCellValue("Risicomatrix", "C5"); got != "• Kindgegevens bewaard na de bewaartermijn" {
		t.Errorf("matrix cell impact 4, likelihood 2 holds %q, want the check's title", got)
	}
}

// cellFill returns the pattern fill colour of a cell's style, upper case
// without '#'.
func cellFill(t *testing.T, f *excelize.File, sheet, c string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, c)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(strings.TrimPrefix(st.Fill.Color[0], "#"))
}

// TestXLSXAudiences: the FG workbook has each finding's file, row and
// table and a sheet of resolved findings; the risk workbook has neither.
func TestXLSXAudiences(t *testing.T) {
	for _, tt := range []struct {
		aud      string
		run      func(*testing.T) *results.Run
		header   string
		resolved bool
		docTitle string
	}{
		{results.AudienceRisk, riskFixture, "Sleutel\tLocatie\tGroep\tTrend\tAcceptatie\tMelding", false, "AVG-risicoanalyse"},
		{results.AudienceFG, fixture, "Bestand\tRij\tTabel\tSleutel\tLocatie\tGroep\tTrend\tAcceptatie\tMelding", true, "AVG-controle voor de FG"},
	} {
		data := render(t, XLSXReporter{}, tt.run(t), testOpt{Audience: tt.aud})
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Toegang tot ouderportaal na…")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rows[0], "\t"); !strings.HasPrefix(got, tt.header) {
			t.Errorf("%s: findings header %q, want it to start with %q", tt.aud, got, tt.header)
		}
		if got := slices.Contains(f.GetSheetList(), "Opgeloste bevindingen"); got != tt.resolved {
			t.Errorf("%s: sheet of resolved findings: %v, want %v", tt.aud, got, tt.resolved)
		}
		f.Close()
	}
}

// TestXLSXChildNames: the FG workbook names the child next to the record
// key; a risk workbook handed a run that still has the names (audience.Risk
// removes them) shows them in no part, nor a column for them.
func TestXLSXChildNames(t *testing.T) {
	fg := xlsxtest.Parts(t, render(t, XLSXReporter{}, fixture(t), testOpt{Audience: results.AudienceFG}))
	all := ""
	for _, part := range fg {
		all += part
	}
	for _, name := range []string{"Sem de Bruijn", "Zoë &lt;Brouwer&gt; &amp; co", ">Kind<"} {
		if !strings.Contains(all, name) {
			t.Errorf("FG workbook does not show %q", name)
		}
	}
	for name, part := range xlsxtest.Parts(t, render(t, XLSXReporter{}, fixture(t), testOpt{Audience: results.AudienceRisk})) {
		for _, s := range []string{"Sem de Bruijn", "Brouwer", ">Kind<"} {
			if strings.Contains(part, s) {
				t.Errorf("risk workbook %s shows %q", name, s)
			}
		}
	}
}

// TestXLSXNoBSN looks for the fixture's BSN in every part of the workbook,
// not only in the cells excelize reads back.
func TestXLSXNoBSN(t *testing.T) {
	for _, aud := range audiences {
		for _, lang := range []string{"nl", "en"} {
			data := render(t, XLSXReporter{}, aud.fixture(t), testOpt{Lang: lang, Audience: aud.name})
			for name, part := range xlsxtest.Parts(t, data) {
				if strings.Contains(part, fixtureBSN) {
					t.Errorf("%s/%s: %s contains the BSN %s", aud.name, lang, name, fixtureBSN)
				}
			}
		}
	}
}

func TestXLSXEmptyRun(t *testing.T) {
	run := fixture(t)
	run.Checks, run.Inputs, run.Rejects, run.Policy, run.Acceptances, run.Previous = nil, nil, nil, nil, nil, nil
	data := render(t, XLSXReporter{}, run, testOpt{Lang: "en"})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Summary", "Risk matrix", "Checks explained", "Locations", "Accepted risks", "Files", "Rejected rows", "Policy", "Methodology"}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

// TestXLSXSplitsLongTables: a check with more findings than a sheet holds
// goes on over numbered sheets, each with the header, frozen and filtered.
func TestXLSXSplitsLongTables(t *testing.T) {
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 5 // a header and four findings
	run := fixture(t)
	c := &run.Checks[0]
	base := c.Findings[0]
	c.Findings = nil
	for i := range 10 {
		f := base
		f.RecordKey = fmt.Sprintf("K-%05d", i)
		f.Key = c.ID + "|" + f.Table + "|" + f.RecordKey
		c.Findings = append(c.Findings, f)
	}
	run.Summarise()
	f, err := excelize.OpenReader(bytes.NewReader(render(t, XLSXReporter{}, run, testOpt{Audience: results.AudienceFG})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var keys []string
	for i, sh := range []string{"Kindgegevens bewaard na…", "Kindgegevens bewaard na… (2)", "Kindgegevens bewaard na… (3)"} {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatalf("sheet %q: %v", sh, err)
		}
		if want := []int{5, 5, 3}[i]; len(rows) != want {
			t.Errorf("sheet %q: %d rows, want %d", sh, len(rows), want)
		}
		if rows[0][0] != labelsNL.File {
			t.Errorf("sheet %q starts with %q, not the header", sh, rows[0][0])
		}
		for _, r := range rows[1:] {
			keys = append(keys, r[3])
		}
		panes, err := f.GetPanes(sh)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("sheet %q: panes %+v, %v; want the header row frozen", sh, panes, err)
		}
	}
	if len(keys) != 10 || keys[0] != "K-00000" || keys[9] != "K-00009" {
		t.Errorf("findings over the sheets: %q", keys)
	}
	if idx, _ := f.GetSheetIndex(c.ID + " (4)"); idx >= 0 {
		t.Error("a fourth, empty sheet")
	}
}

// checkSheet is the name of the sheet of check id: the sheet named after
// the check's title whose page header ends in the id.
func checkSheet(t *testing.T, f *excelize.File, id string) string {
	t.Helper()
	for _, sh := range f.GetSheetList() {
		if hf, err := f.GetHeaderFooter(sh); err == nil && hf != nil && strings.HasSuffix(hf.OddHeader, "&R"+headerText(id)) {
			return sh
		}
	}
	t.Fatalf("no sheet of check %s in %v", id, f.GetSheetList())
	return ""
}

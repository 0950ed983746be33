package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

// mgmtOpt asks for the management report in lang.
func mgmtOpt(lang string) Options {
	return Options{Lang: lang}
}

// mgmtFixture reads testdata/management-run.json afresh: a synthetic run
// with risk scores, a previous run, accepted risks (in force, expired, stale
// and pending), counts from 1 to 4 and from 5 up, and personal data in
// every place a finding, reject or acceptance can hold it.
func mgmtFixture(t *testing.T) *results.Run {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "management-run.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run, err := ReadJSON(f)
	if err != nil {
		t.Fatalf("ReadJSON(testdata/management-run.json): %v", err)
	}
	return run
}

// mgmtGoldenDir holds the management report's golden files.
var mgmtGoldenDir = filepath.Join("testdata", "golden", "management")

func TestMgmtHTMLGolden(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			got := renderMgmt(t, ManagementHTMLReporter{}, mgmtFixture(t), mgmtOpt(lang))
			if again := renderMgmt(t, ManagementHTMLReporter{}, mgmtFixture(t), mgmtOpt(lang)); !bytes.Equal(got, again) {
				t.Error("two writes of the same run differ")
			}
			if n := bytes.Count(got, []byte(echartsJS)); n != 1 {
				t.Fatalf("the page holds the ECharts library %d times, want 1", n)
			}
			page := strings.Replace(string(got), echartsJS, echartsPlaceholder, 1)
			golden(t, filepath.Join(mgmtGoldenDir, "rapport-bestuur."+lang+".html"), []byte(page))
		})
	}
}

func TestMgmtHTMLSelfContained(t *testing.T) {
	page := string(renderMgmt(t, ManagementHTMLReporter{}, mgmtFixture(t), mgmtOpt("nl")))
	if n := strings.Count(page, "<script"); n != 3 {
		t.Errorf("the page has %d script elements, want 3 (library, chart data, chart)", n)
	}
	meta := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if meta == nil || html.UnescapeString(meta[1]) != csp {
		t.Error("the page lacks the reports' Content-Security-Policy")
	}
	outside := regexp.MustCompile(`(?i)(\bsrc\s*=|\bhref\s*=\s*"[^#]|url\(|@import)`)
	if m := outside.FindAllString(strings.Replace(page, echartsJS, "", 1), -1); m != nil {
		t.Errorf("the page refers to something outside itself: %q", m)
	}
	for _, want := range []string{"@page { size: A4 portrait", "@media print", "break-after: page"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page's styles lack %q", want)
		}
	}
}

func TestMgmtJSONGolden(t *testing.T) {
	got := renderMgmt(t, ManagementJSONReporter{}, mgmtFixture(t), mgmtOpt(""))
	golden(t, filepath.Join(mgmtGoldenDir, "resultaten-bestuur.json"), got)
	if again := renderMgmt(t, ManagementJSONReporter{}, mgmtFixture(t), mgmtOpt("en")); !bytes.Equal(got, again) {
		t.Error("the JSON differs between languages or between writes; it holds both languages")
	}
	var head struct {
		SchemaVersion int    `json:"schema_version"`
		Audience      string `json:"audience"`
	}
	if err := json.Unmarshal(got, &head); err != nil || head.SchemaVersion != audience.ManagementSchemaVersion || head.Audience != "management" {
		t.Errorf("head %+v (%v), want schema version %d and audience management", head, err, audience.ManagementSchemaVersion)
	}
	// It is no results file: reading it as --previous must fail clearly.
	if _, err := ReadJSON(bytes.NewReader(got)); err == nil || !strings.Contains(err.Error(), "management summary") {
		t.Errorf("ReadJSON(management summary) = %v, want the management summary refused", err)
	}
}

// TestMgmtXLSXGolden compares the workbook's only sheet with a TSV per
// language, and checks that it carries the trend chart.
func TestMgmtXLSXGolden(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			data := renderMgmt(t, ManagementXLSXReporter{}, mgmtFixture(t), mgmtOpt(lang))
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("reopen workbook: %v", err)
			}
			defer f.Close()
			sheets := map[string][]string{"nl": {"Samenvatting", "Risico's en controles", "Toelichting"},
				"en": {"Summary", "Risks and checks", "Notes"}}[lang]
			if diff := cmp.Diff(sheets, f.GetSheetList()); diff != "" {
				t.Errorf("sheets (-want +got):\n%s", diff)
			}
			var all strings.Builder
			for _, sh := range sheets {
				rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&all, "=== %s\n%s", sh, tsv(rows))
			}
			golden(t, filepath.Join(mgmtGoldenDir, "xlsx", lang+".tsv"), []byte(all.String()))
			sheet := sheets[0]

			// The chart's own columns are hidden; the page is landscape A4.
			for _, col := range []string{"O", "P"} {
				if visible, err := f.GetColVisible(sheet, col); err != nil || visible {
					t.Errorf("chart column %s visible %v (%v), want hidden", col, visible, err)
				}
			}
			// Every sheet prints on A4 landscape, one page wide, as long as
			// it needs; the sheets are about 175 characters wide, so at about
			// 80 %, not smaller (it was 266 and printed at 55 %).
			for _, sh := range sheets {
				o, err := f.GetPageLayout(sh)
				if err != nil || o.Orientation == nil || *o.Orientation != "landscape" || o.Size == nil || *o.Size != 9 ||
					o.FitToWidth == nil || *o.FitToWidth != 1 || o.FitToHeight == nil || *o.FitToHeight != 0 {
					t.Errorf("%s: page layout %+v (%v), want A4 landscape, one page wide", sh, o, err)
				}
			}
			width := 0.0
			for col := 1; col <= 13; col++ {
				w, err := f.GetColWidth(sheet, colName(col))
				if err != nil {
					t.Fatal(err)
				}
				width += w
			}
			if width > 180 {
				t.Errorf("the printed columns are %.0f characters wide together; over 180 they print smaller than 80 %% on A4 landscape", width)
			}
			charts := 0
			for name, part := range zipParts(t, data) {
				if strings.HasPrefix(name, "xl/charts/chart") {
					charts++
					for _, ref := range []string{"$O$", "$P$", "$A$"} {
						if !strings.Contains(part, ref) {
							t.Errorf("%s does not refer to column %s of the area table", name, ref)
						}
					}
				}
			}
			if charts != 1 {
				t.Errorf("the workbook has %d charts, want 1", charts)
			}
			props, err := f.GetDocProps()
			if err != nil || props.Title != map[string]string{"nl": mgmtNL.ReportTitle, "en": mgmtEN.ReportTitle}[lang] ||
				props.Created != "2026-09-01T00:00:00Z" {
				t.Errorf("document properties %+v (%v)", props, err)
			}
		})
	}
}

// zipParts returns every part of a workbook as text, XML entities decoded.
func zipParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	parts := xlsxtest.Parts(t, data)
	for name, part := range parts {
		parts[name] = html.UnescapeString(part)
	}
	return parts
}

// mgmtOutputs renders the management report of run in every format and
// language, as text to search: the HTML as written and unescaped, the JSON,
// and every part of each workbook (cells, shared strings, chart, properties).
func mgmtOutputs(t *testing.T, run func() *results.Run) map[string]string {
	t.Helper()
	out := map[string]string{"json": string(renderMgmt(t, ManagementJSONReporter{}, run(), mgmtOpt("")))}
	for _, lang := range []string{"nl", "en"} {
		page := strings.Replace(string(renderMgmt(t, ManagementHTMLReporter{}, run(), mgmtOpt(lang))), echartsJS, "", 1)
		out["html "+lang] = page + "\n" + html.UnescapeString(page)
		for name, part := range zipParts(t, renderMgmt(t, ManagementXLSXReporter{}, run(), mgmtOpt(lang))) {
			out["xlsx "+lang+" "+name] = part
		}
	}
	return out
}

// fixturePersonalData lists what in the fixture could identify a child or
// parent: the people behind its findings, and every value, message, key,
// file, location and group of its findings, rejects and acceptances.
func fixturePersonalData(run *results.Run) []string {
	people := []string{
		"Sanne de Vries", "Daan Jansen", "Emma Bakker", "Lucas Visser", "Julia Smit", "Noah Mulder", "Tess van Dijk",
		"111222333", "123456782", "987654329", "234567891", "345678903", "456789014", "567890125",
		"sanne.devries@example.com", "daan.jansen@example.org", "e.bakker@example.net", "@example.",
		"NL91ABNA0417164300", "NL02RABO0123456789", "NL20INGB0001234567", "NL44ABNA0123456789",
		"12-03-2021", "2021-03-12", "05-11-2020", "2020-11-05", "28-02-2022", "2022-02-28", "30-01-2020",
		"Marieke de Wit", "Rupsjes", "Vlinders", "Locatie Zuid", "Locatie Noord",
	}
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				people = append(people, s)
			}
		}
	}
	addFindings := func(fs []results.Finding) {
		for _, f := range fs {
			add(f.Key, f.RecordKey, f.File, f.Message.NL, f.Message.EN, f.Location, f.Group)
			add(f.Values...)
		}
	}
	for _, c := range run.Checks {
		addFindings(c.Findings)
		addFindings(c.Resolved)
	}
	for _, r := range run.Rejects {
		add(r.Value, r.File)
	}
	for _, a := range run.Acceptances {
		add(a.RecordKey, a.Justification, a.ApprovedBy, a.Source, a.LegalBasis)
	}
	for _, in := range run.Inputs {
		add(in.File, in.SHA256)
	}
	return people
}

// TestMgmtNoPersonalData: no name, BSN, e-mail address, IBAN, birth date,
// record key, file, location or group of the fixture is in any management
// output, nor an exact count from 1 to 4 in the JSON.
func TestMgmtNoPersonalData(t *testing.T) {
	run := mgmtFixture(t)
	bad := fixturePersonalData(run)
	// The full report of the same run does hold them: the list means something.
	full := string(render(t, JSONReporter{}, run, testOpt{}))
	for _, b := range []string{"Sanne de Vries", "sanne.devries@example.com", "NL91ABNA0417164300", "2021-03-12", "K0042", "Marieke de Wit"} {
		if !strings.Contains(full, b) {
			t.Errorf("the fixture's full resultaten.json lacks %q", b)
		}
	}
	for where, text := range mgmtOutputs(t, func() *results.Run { return mgmtFixture(t) }) {
		for _, b := range bad {
			if b == "-" {
				continue // the legal basis of one acceptance
			}
			if strings.Contains(text, b) {
				t.Errorf("%s contains %q", where, b)
			}
		}
	}
	js := string(renderMgmt(t, ManagementJSONReporter{}, run, mgmtOpt("")))
	if m := regexp.MustCompile(`"value": [1-4],`).FindAllString(js, -1); m != nil {
		t.Errorf("the JSON shows small counts exactly: %q", m)
	}
}

// TestMgmtSuppression runs one check with n open findings through every
// format: 1 to 4 must be "< 5" everywhere, 0 and 5 up exact.
func TestMgmtSuppression(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"}, {1, "< 5"}, {2, "< 5"}, {3, "< 5"}, {4, "< 5"}, {5, "5"}, {6, "6"}, {12, "12"},
	}
	for _, tt := range tests {
		t.Run(tt.want+"/"+strings.Repeat("I", tt.n), func(t *testing.T) {
			run := &results.Run{AsOf: "2026-09-01", Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: []results.Check{{
				ID: "photo", Area: "toestemming", Severity: "high", Status: results.StatusFindings,
				Title:    results.Text{NL: "Foto's", EN: "Photos"},
				Findings: make([]results.Finding, tt.n),
				Risk:     &results.Risk{Impact: 5, Likelihood: 3, Score: 15, Level: "high", Affected: tt.n},
			}}}
			var js struct {
				Checks []struct {
					Open audience.Count `json:"open"`
				} `json:"checks"`
				Totals struct {
					Open audience.Count `json:"open"`
				} `json:"totals"`
			}
			if err := json.Unmarshal(renderMgmt(t, ManagementJSONReporter{}, run, mgmtOpt("")), &js); err != nil {
				t.Fatal(err)
			}
			if js.Checks[0].Open.Shown != tt.want || js.Totals.Open.Shown != tt.want {
				t.Errorf("JSON shows check %q and total %q, want %q", js.Checks[0].Open.Shown, js.Totals.Open.Shown, tt.want)
			}
			if exact := js.Checks[0].Open.Value != nil; exact != (tt.want != audience.Suppressed) {
				t.Errorf("JSON value %v for %d findings", js.Checks[0].Open.Value, tt.n)
			}

			page := string(renderMgmt(t, ManagementHTMLReporter{}, run, mgmtOpt("en")))
			cell := `<td class="n">` + html.EscapeString(tt.want) + `</td>`
			if n := strings.Count(page, cell); n < 3 {
				t.Errorf("the HTML has %s %d times, want it for the check, its area and the total", cell, n)
			}

			f, err := excelize.OpenReader(bytes.NewReader(renderMgmt(t, ManagementXLSXReporter{}, run, mgmtOpt("en"))))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := f.GetRows("Summary", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				if len(row) > 4 && row[0] == "Photos" && row[4] != tt.want {
					t.Errorf("the workbook's check row shows %q open, want %q", row[4], tt.want)
				}
			}
		})
	}
}

func TestMgmtUnknownLanguage(t *testing.T) {
	for _, r := range []ManagementReporter{ManagementJSONReporter{}, ManagementXLSXReporter{}, ManagementHTMLReporter{}} {
		err := r.Write(&bytes.Buffer{}, audience.Management(mgmtFixture(t)), mgmtOpt("de"))
		if err == nil || !strings.Contains(err.Error(), `"de"`) {
			t.Errorf("%T.Write(management, Lang de) = %v, want an error naming de", r, err)
		}
	}
}

// TestMgmtWithoutPrevious: a first audit has no trend; the page and the
// conclusion say so instead of comparing with nothing.
func TestMgmtWithoutPrevious(t *testing.T) {
	run := mgmtFixture(t)
	run.Previous = nil
	page := string(renderMgmt(t, ManagementHTMLReporter{}, run, mgmtOpt("en")))
	for _, want := range []string{html.EscapeString(mgmtEN.NoComparison), html.EscapeString(mgmtEN.TrendNoPrev), mgmtEN.NoPrevious} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "Previous audit (") {
		t.Error("the page charts a previous audit it does not have")
	}
}

// TestMgmtLabelsComplete: every management text exists in both languages,
// and every status, level, trend and acceptance status has a name.
func TestMgmtLabelsComplete(t *testing.T) {
	for _, m := range []mgmtLabels{mgmtNL, mgmtEN} {
		v := reflect.ValueOf(m)
		for i := 0; i < v.NumField(); i++ {
			f, name := v.Field(i), v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.String:
				if f.String() == "" {
					t.Errorf("mgmt labels %s: %s is empty", m.SheetName, name)
				}
			case reflect.Array, reflect.Slice:
				for j := 0; j < f.Len(); j++ {
					if f.Index(j).String() == "" {
						t.Errorf("mgmt labels %s: %s[%d] is empty", m.SheetName, name, j)
					}
				}
			}
		}
		need := map[string][]string{
			"Levels": audience.Levels, "LevelDesc": audience.Levels,
			"Statuses": mgmtStatuses, "StatDesc": mgmtStatuses,
			"Trends": mgmtTrends, "TrendDesc": mgmtTrends, "TrendSentence": mgmtTrends,
			"AccStatus": {results.AcceptanceAccepted, results.AcceptanceExpired, results.AcceptanceStale, results.AcceptancePending},
		}
		for field, keys := range need {
			names := v.FieldByName(field).Interface().(map[string]string)
			for _, k := range keys {
				if names[k] == "" {
					t.Errorf("mgmt labels %s: %s has no text for %q", m.SheetName, field, k)
				}
			}
		}
	}
}

func TestConclusion(t *testing.T) {
	tests := []struct {
		name string
		edit func(*results.Run)
		want []string // in the English conclusion
		not  []string
	}{
		{"fixture", func(*results.Run) {}, []string{
			"On 1 September 2026, 9 of the 10 checks were run.",
			"1 check could not be run",
			// The good-practice check's findings are recommendations, apart.
			"5 checks have open findings: 16 in total.",
			"Besides, fewer than 5 recommendations (good practice) are open.",
			"At the previous audit (1 September 2025) there were 24: the number of open findings has gone down.",
			"2 checks have a high or critical risk. The largest risk is “Photos without consent” (critical; owner: Locatiemanager).",
			"Between 2 and 8 findings are covered",
			"1 acceptance has expired",
			"1 acceptance matches no finding",
			"7 of the 1,000 rows read were unreadable",
		}, nil},
		{"nothing open", func(r *results.Run) {
			for i := range r.Checks {
				r.Checks[i].Findings = nil
				r.Checks[i].Status = results.StatusPassed
				if r.Checks[i].Risk != nil {
					r.Checks[i].Risk.Likelihood, r.Checks[i].Risk.Score = 0, 0
				}
			}
			r.Acceptances, r.Inputs, r.Previous = nil, nil, nil
		}, []string{"No findings are open.", "There is no earlier audit to compare with.", "There are no open risks."},
			[]string{"acceptance", "rows read", "accepted on purpose"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := mgmtFixture(t)
			tt.edit(run)
			text, err := mgmtTextFor(Options{Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			got := text.conclusion(audience.Management(run))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("the conclusion lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("the conclusion has %q:\n%s", n, got)
				}
			}
		})
	}
}

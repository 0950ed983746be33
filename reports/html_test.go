package reports

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/results"
)

// echartsPlaceholder stands in the golden files for the inlined library,
// which is a megabyte of minified code that no diff could show.
const echartsPlaceholder = "/* assets/echarts.min.js */"

// scriptsPerPage are the page's script elements: the library, the code
// that draws the charts and the data of the matrix and the trend chart.
const scriptsPerPage = 4

func TestHTMLGolden(t *testing.T) {
	for _, aud := range audiences {
		for _, lang := range []string{"nl", "en"} {
			t.Run(aud.name+"/"+lang, func(t *testing.T) {
				opt := testOpt{Lang: lang, Audience: aud.name}
				got := render(t, HTMLReporter{}, aud.fixture(t), opt)
				if again := render(t, HTMLReporter{}, aud.fixture(t), opt); !bytes.Equal(got, again) {
					t.Error("two writes of the same run differ")
				}
				if n := bytes.Count(got, []byte(echartsJS)); n != 1 {
					t.Fatalf("the page holds the ECharts library %d times, want 1", n)
				}
				page := strings.Replace(string(got), echartsJS, echartsPlaceholder, 1)
				golden(t, filepath.Join("testdata", "golden", "rapport."+aud.name+"."+lang+".html"), []byte(page))
			})
		}
	}
}

func TestHTMLSafe(t *testing.T) {
	for _, aud := range audiences {
		for _, lang := range []string{"nl", "en"} {
			name := aud.name + "/" + lang
			page := string(render(t, HTMLReporter{}, aud.fixture(t), testOpt{Lang: lang, Audience: aud.name}))
			if strings.Contains(page, fixtureBSN) {
				t.Errorf("%s: the page contains the BSN %s", name, fixtureBSN)
			}
			if strings.Contains(page, fixtureScript) {
				t.Errorf("%s: the page contains %q unescaped", name, fixtureScript)
			}
			if !strings.Contains(page, "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;") {
				t.Errorf("%s: the page lacks the escaped script value", name)
			}
			if n := strings.Count(page, "<script"); n != scriptsPerPage {
				t.Errorf("%s: the page has %d script elements, want %d", name, n, scriptsPerPage)
			}
			if !strings.Contains(page, `http-equiv="Content-Security-Policy"`) {
				t.Errorf("%s: the page has no Content-Security-Policy", name)
			}
			// No reference to anything outside the page: no src or href other
			// than an anchor, no url() in the styles, no @import.
			outside := regexp.MustCompile(`(?i)(\bsrc\s*=|\bhref\s*=\s*"[^#]|url\(|@import)`)
			rest := strings.Replace(page, echartsJS, "", 1)
			if m := outside.FindAllString(rest, -1); m != nil {
				t.Errorf("%s: the page refers to something outside itself: %q", name, m)
			}
			if strings.Contains(page, "goecharts_") || strings.Contains(page, "go-echarts-assets") {
				t.Errorf("%s: the page holds go-echarts' own rendering or asset host", name)
			}
		}
	}
}

// TestHTMLAudiences: the FG report shows each finding's file and row and
// the resolved findings; the risk report shows neither, and says how the
// record keys were pseudonymised.
func TestHTMLAudiences(t *testing.T) {
	risk := string(render(t, HTMLReporter{}, riskFixture(t), testOpt{}))
	fg := string(render(t, HTMLReporter{}, fixture(t), testOpt{Audience: results.AudienceFG}))
	for _, tt := range []struct {
		what       string
		inRisk     bool
		inFG       bool
		text, page string
	}{
		{what: "the risk title", inRisk: true, text: "<title>AVG-risicoanalyse"},
		{what: "the FG title", inFG: true, text: "<title>AVG-controle voor de FG"},
		{what: "a finding's file and row", inFG: true, text: `<td class="file">kidsadmin/kinderen.xlsx</td><td class="n">14</td>`},
		{what: "a finding's record key with its child", inFG: true, text: `K-0042</td><td class="child">Sem de Bruijn</td><td>Zonnebloem Noord`},
		{what: "a resolved finding's child", inFG: true, text: `<td class="child">Zoë &lt;Brouwer&gt; &amp; co</td>`},
		{what: "a pseudonym", inRisk: true, text: ">P-"},
		{what: "the pseudonymisation note", inRisk: true, text: "Sleutels van records zijn pseudoniemen (HMAC-SHA256"},
		{what: "the resolved findings", inFG: true, text: `<table class="resolved">`},
		{what: "the trend of a finding", inRisk: true, inFG: true, text: `<span class="mark tr-new">nieuw</span>`},
		{what: "an acceptance of a finding", inRisk: true, inFG: true, text: "geaccepteerd (A1, tot 30-06-2027)"},
		{what: "an expired acceptance", inRisk: true, inFG: true, text: "acceptatie verlopen (A2, op 30-06-2026)"},
		{what: "the share of affected records", inRisk: true, inFG: true, text: "2 van 119 (1,7%)"},
		{what: "an unknown location", inRisk: true, inFG: true, text: "<td>onbekend</td>"},
	} {
		if got := strings.Contains(risk, tt.text); got != tt.inRisk {
			t.Errorf("risk report holds %s (%q): %v, want %v", tt.what, tt.text, got, tt.inRisk)
		}
		if got := strings.Contains(fg, tt.text); got != tt.inFG {
			t.Errorf("FG report holds %s (%q): %v, want %v", tt.what, tt.text, got, tt.inFG)
		}
	}
	// audience.Risk removes the names; a risk report handed a run that
	// still has them does not show them either, nor a column for them.
	named := string(render(t, HTMLReporter{}, fixture(t), testOpt{Audience: results.AudienceRisk}))
	for _, s := range []string{"Sem de Bruijn", "Brouwer", `class="child"`, "<th>Kind</th>"} {
		if strings.Contains(named, s) {
			t.Errorf("risk report of a run with child names shows %q", s)
		}
	}
}

// TestHTMLAreaOrder: checks are grouped by area in the catalogue's order,
// then a user check's own area, then checks without one.
func TestHTMLAreaOrder(t *testing.T) {
	run := fixture(t)
	run.Checks = append(run.Checks, results.Check{ID: "no-area", Status: results.StatusPassed})
	page := string(render(t, HTMLReporter{}, run, testOpt{Lang: "en"}))
	risks := page[strings.Index(page, `<section id="risks">`):strings.Index(page, `<section id="locations">`)]
	var got []string
	for _, m := range regexp.MustCompile(`<th colspan="12" scope="rowgroup" id="([^"]+)">`).FindAllStringSubmatch(risks, -1) {
		got = append(got, m[1])
	}
	want := []string{"area-toestemming", "area-bewaartermijnen", "area-bsn", "area-toegang", "area-camera", "area-other"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("areas in the order %v, want %v", got, want)
	}
}

func TestHTMLNoFindings(t *testing.T) {
	run := fixture(t)
	run.Previous = nil
	for i := range run.Checks {
		run.Checks[i].Findings, run.Checks[i].Resolved, run.Checks[i].Previous = nil, nil, nil
		if run.Checks[i].Risk != nil {
			run.Checks[i].Risk.Likelihood, run.Checks[i].Risk.Score, run.Checks[i].Risk.Level = 0, 0, levelNone
		}
	}
	page := string(render(t, HTMLReporter{}, run, testOpt{}))
	if strings.Contains(page, `type="application/json"`) {
		t.Error("a run without findings has chart data")
	}
	for _, want := range []string{labelsNL.NoMatrix, labelsNL.NoTrendChart, labelsNL.NoPrevious, labelsNL.NoLocations} {
		if !strings.Contains(page, want) {
			t.Errorf("a run without findings does not say %q", want)
		}
	}
	if n := strings.Count(page, `<td class="cell `); n != matrixSize*matrixSize {
		t.Errorf("the matrix table has %d cells, want %d even when empty", n, matrixSize*matrixSize)
	}
}

// TestHTMLEscapesChartData puts a script into an area name, which the
// trend chart's data carries inside a <script type="application/json">
// element.
func TestHTMLEscapesChartData(t *testing.T) {
	run := fixture(t)
	run.Checks[0].Area = `</script><script>alert(1)</script><!--`
	page := string(render(t, HTMLReporter{}, run, testOpt{}))
	for _, bad := range []string{"</script><script>alert", "<script>alert", "<!--"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q unescaped", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != scriptsPerPage {
		t.Errorf("the page has %d script elements, want %d", n, scriptsPerPage)
	}
}

// TestHTMLFirstRows: a check with more findings than htmlRows lists the
// first htmlRows and names how many more the workbook holds; the counts
// still cover every finding.
func TestHTMLFirstRows(t *testing.T) {
	run := fixture(t)
	c := &run.Checks[0]
	base := c.Findings[0]
	c.Findings = nil
	for i := range htmlRows + 50 {
		f := base
		f.RecordKey = fmt.Sprintf("K-%05d", i)
		f.Key = c.ID + "|" + f.Table + "|" + f.RecordKey
		f.Row = i + 2
		c.Findings = append(c.Findings, f)
	}
	c.Resolved = append(c.Resolved[:0:0], c.Findings...)
	run.Summarise()
	page := string(render(t, HTMLReporter{}, run, testOpt{Audience: results.AudienceFG, Workbook: "rapport-fg.xlsx"}))
	if n := len(regexp.MustCompile(`>K-[0-9]{5}<`).FindAllString(page, -1)); n != 2*htmlRows {
		t.Errorf("%d finding rows of the check (current and resolved), want %d", n, 2*htmlRows)
	}
	if !strings.Contains(page, ">K-00199<") || strings.Contains(page, ">K-00200<") {
		t.Error("not the first rows listed")
	}
	if n := strings.Count(page, `<p class="note more">… en nog 50: zie rapport-fg.xlsx.</p>`); n != 2 {
		t.Errorf("the note on the rows left out %d times, want under both tables", n)
	}
	if !strings.Contains(page, fmt.Sprintf("<dd>%d</dd>", run.Summary.Findings)) {
		t.Errorf("the summary does not count all %d findings", run.Summary.Findings)
	}
	page = string(render(t, HTMLReporter{}, run, testOpt{Lang: "en"}))
	if !strings.Contains(page, "… and 50 more: see the Excel report.") {
		t.Error("no note without a workbook name")
	}
}

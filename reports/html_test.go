package reports

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// echartsPlaceholder stands in the golden files for the inlined library,
// which is a megabyte of minified code that no diff could show.
const echartsPlaceholder = "/* assets/echarts.min.js */"

func TestHTMLGolden(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			got := render(t, HTMLReporter{}, fixture(t), Options{Lang: lang})
			if again := render(t, HTMLReporter{}, fixture(t), Options{Lang: lang}); !bytes.Equal(got, again) {
				t.Error("two writes of the same run differ")
			}
			if n := bytes.Count(got, []byte(echartsJS)); n != 1 {
				t.Fatalf("the page holds the ECharts library %d times, want 1", n)
			}
			page := strings.Replace(string(got), echartsJS, echartsPlaceholder, 1)
			golden(t, filepath.Join("testdata", "golden", "rapport."+lang+".html"), []byte(page))
		})
	}
}

func TestHTMLSafe(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		page := string(render(t, HTMLReporter{}, fixture(t), Options{Lang: lang}))
		if strings.Contains(page, fixtureBSN) {
			t.Errorf("%s: the page contains the BSN %s", lang, fixtureBSN)
		}
		if strings.Contains(page, fixtureScript) {
			t.Errorf("%s: the page contains %q unescaped", lang, fixtureScript)
		}
		if !strings.Contains(page, "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;") {
			t.Errorf("%s: the page lacks the escaped script value", lang)
		}
		if n := strings.Count(page, "<script"); n != 3 {
			t.Errorf("%s: the page has %d script elements, want 3 (library, chart data, chart)", lang, n)
		}
		if !strings.Contains(page, `http-equiv="Content-Security-Policy"`) {
			t.Errorf("%s: the page has no Content-Security-Policy", lang)
		}
		// No reference to anything outside the page: no src or href other
		// than an anchor, no url() in the styles, no @import.
		outside := regexp.MustCompile(`(?i)(\bsrc\s*=|\bhref\s*=\s*"[^#]|url\(|@import)`)
		rest := strings.Replace(page, echartsJS, "", 1)
		if m := outside.FindAllString(rest, -1); m != nil {
			t.Errorf("%s: the page refers to something outside itself: %q", lang, m)
		}
		if strings.Contains(page, "goecharts_") || strings.Contains(page, "go-echarts-assets") {
			t.Errorf("%s: the page holds go-echarts' own rendering or asset host", lang)
		}
	}
}

func TestHTMLNoFindings(t *testing.T) {
	run := fixture(t)
	run.Checks = run.Checks[1:]
	page := string(render(t, HTMLReporter{}, run, Options{}))
	if strings.Contains(page, `id="chart-option"`) {
		t.Error("a run without findings has chart data")
	}
	if !strings.Contains(page, labelsNL.NoChart) {
		t.Error("a run without findings does not say there is no chart")
	}
}

// TestHTMLEscapesChartData puts a script into a check title, which the
// chart's data carries inside a <script type="application/json"> element.
func TestHTMLEscapesChartData(t *testing.T) {
	run := fixture(t)
	run.Checks[0].Title.NL = `</script><script>alert(1)</script><!--`
	page := string(render(t, HTMLReporter{}, run, Options{}))
	for _, bad := range []string{"</script><script>alert", "<script>alert", "<!--"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q unescaped", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 3 {
		t.Errorf("the page has %d script elements, want 3", n)
	}
}

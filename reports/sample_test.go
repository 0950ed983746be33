package reports

import (
	"context"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

// sampleRun audits the embedded sample organisation.
func sampleRun(t *testing.T) *results.Run {
	t.Helper()
	org, err := fs.Sub(samples.Org, "org")
	if err != nil {
		t.Fatal(err)
	}
	run, err := audit.Audit(context.Background(), audit.Options{Source: org, Dir: "."})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	return run
}

// TestSampleReports checks the reports of the real sample audit, not only of
// the hand-made fixture: the HTML in Chromium (offline, no errors, every
// finding in the DOM) and the workbook in openpyxl and LibreOffice.
func TestSampleReports(t *testing.T) {
	run := sampleRun(t)
	if run.Summary.Findings == 0 {
		t.Fatal("the sample audit found nothing")
	}
	t.Run("html", func(t *testing.T) {
		for _, lang := range []string{"nl", "en"} {
			b := openInBrowser(t, render(t, HTMLReporter{}, run, testOpt{Lang: lang}), "#"+trendChartID+" svg")
			b.renderAll(t)
			if n := b.count(t, `document.querySelectorAll("table.findings tbody tr").length`); n != run.Summary.Findings {
				t.Errorf("%s: the findings tables have %d rows, want %d", lang, n, run.Summary.Findings)
			}
			// Wide findings tables scroll inside their box; nothing else may
			// make the page wider than the window.
			if n := b.count(t, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); n > 0 {
				t.Errorf("%s: the page is %d px wider than the window", lang, n)
			}
			for _, p := range b.seen() {
				t.Errorf("%s: %s", lang, p)
			}
		}
		// The FG's report of the sample, the widest findings tables there
		// are (with file, row, table and the child's name), printed: on
		// portrait A4 they were cut off at the right.
		b := openInBrowser(t, render(t, HTMLReporter{}, run, testOpt{Audience: results.AudienceFG}), "#"+trendChartID+" svg")
		b.renderAll(t)
		if n := b.count(t, `document.querySelectorAll("table.findings td.child").length`); n == 0 {
			t.Error("the FG report of the sample names no child")
		}
		b.screenshot(t, "sample-fg")
		b.printAtA4(t)
		for _, o := range b.overflow(t, true) {
			t.Errorf("FG report printed on A4: %s", o)
		}
		b.screenshot(t, "sample-fg-a4")
	})
	t.Run("openpyxl", func(t *testing.T) {
		openWithOpenpyxl(t, writeWorkbookOf(t, run, testOpt{}))
	})
	t.Run("libreoffice", func(t *testing.T) {
		csv := xlsxtest.LibreOfficeCSV(t, writeWorkbookOf(t, run, testOpt{}))
		if !strings.Contains(csv, run.Organisation) || !strings.Contains(csv, strconv.Itoa(run.Summary.Findings)) {
			t.Errorf("the summary sheet as CSV lacks the organisation or the number of findings:\n%s", csv)
		}
	})
}

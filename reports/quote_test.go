package reports

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit"
)

// payloads start like a formula; each is put in a finding value, a
// rejected value and a file name.
var payloads = []string{`=HYPERLINK("http://x","klik")`, "+31 6 36026322 x", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"}

// TestXLSXQuotePrefix: in every workbook every cell whose text starts
// like a formula has Excel's quote prefix, so that editing it in Excel
// does not make it a live formula (issue 12).
func TestXLSXQuotePrefix(t *testing.T) {
	run := fixture(t)
	c := &run.Checks[0]
	for _, p := range payloads {
		f := c.Findings[0]
		f.Values = append([]string(nil), f.Values...)
		for i := range f.Values {
			f.Values[i] = p
		}
		f.Location = p
		c.Findings = append(c.Findings, f)
		run.Rejects = append(run.Rejects, results.Reject{File: p, Row: 2, Column: "care_end", Value: p})
	}
	for _, aud := range []string{results.AudienceRisk, results.AudienceFG} {
		checkQuoted(t, aud, render(t, XLSXReporter{}, run, testOpt{Lang: "nl", Audience: aud}))
	}
	checkQuoted(t, results.AudienceManagement, renderMgmt(t, ManagementXLSXReporter{}, run, Options{Lang: "nl"}))
}

// checkQuoted fails for a cell whose text is formula-like without the
// quote prefix; it wants at least one such cell.
func checkQuoted(t *testing.T, name string, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if !xlsxkit.FormulaLike(v) {
					continue
				}
				n++
				cell := xlsxkit.Cell(c+1, r+1)
				id, err := f.GetCellStyle(sh, cell)
				if err != nil {
					t.Fatal(err)
				}
				if xf := f.Styles.CellXfs.Xf[id]; xf.QuotePrefix == nil || !*xf.QuotePrefix {
					t.Errorf("%s: %s!%s %q has no quote prefix", name, sh, cell, v)
				}
			}
		}
	}
	if n == 0 && name != results.AudienceManagement {
		t.Errorf("%s: no formula-like cell found; the test shows nothing", name)
	}
}

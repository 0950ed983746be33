package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
)

// Codes added to the fixture's findings: a built-in check's are shown as
// their labels, a user check's as they are, and the JSON keeps them.
var (
	codeColumns = []string{"ended_per", "missing"}
	codeValues  = []string{"tracking", "reportable, measures"}
	codeShown   = map[string][]string{
		"nl": {"kindvolgsysteem", "beslissing over melden, maatregelen"},
		"en": {"child-tracking system", "decision on reporting, measures"},
	}
)

// Checks of the fixture given code columns: the first is renamed to a
// built-in check, the second stays a check of the user's own.
const (
	codesBuiltin = "retention_portal"
	codesOwn     = "portal-access-after-care"
)

// withCodes adds the code columns to the fixture's checks with findings and
// makes the first of them a built-in check.
func withCodes(run *results.Run) *results.Run {
	renamed := false
	for i := range run.Checks {
		c := &run.Checks[i]
		if len(c.Findings) == 0 {
			continue
		}
		n := len(c.Columns)
		c.Columns = append(c.Columns, codeColumns...)
		for j := range c.Findings {
			c.Findings[j].Values = append(padded(c.Findings[j].Values, n), codeValues...)
		}
		if !renamed {
			c.ID, renamed = codesBuiltin, true
		}
	}
	return run
}

// TestCodesShownAsLabels renders the fixture with codes for each audience
// and language: the HTML and the workbook show a built-in check's codes in
// words, a user check's codes as they are; the JSON keeps every code.
func TestCodesShownAsLabels(t *testing.T) {
	for _, aud := range audiences {
		for _, lang := range []string{"nl", "en"} {
			t.Run(aud.name+"/"+lang, func(t *testing.T) {
				run := withCodes(aud.fixture(t))
				want := map[string][]string{codesBuiltin: codeShown[lang], codesOwn: codeValues}
				opt := testOpt{Lang: lang, Audience: aud.name}

				page := string(render(t, HTMLReporter{}, run, opt))
				for id, cells := range want {
					cell := "<td>" + cells[0] + "</td><td>" + cells[1] + "</td></tr>"
					if got, n := strings.Count(page, cell), findingsOf(t, run, id); got != n {
						t.Errorf("HTML: %s: %d finding rows end in %q, want %d", id, got, cell, n)
					}
				}

				f, err := excelize.OpenReader(bytes.NewReader(render(t, XLSXReporter{}, run, opt)))
				if err != nil {
					t.Fatalf("reopen workbook: %v", err)
				}
				defer f.Close()
				for id, cells := range want {
					rows, err := f.GetRows(checkSheet(t, f, id))
					if err != nil {
						t.Fatalf("sheet %s: %v", id, err)
					}
					if len(rows) != findingsOf(t, run, id)+1 {
						t.Fatalf("sheet %s has %d rows, want a header and %d findings", id, len(rows), findingsOf(t, run, id))
					}
					for _, row := range rows[1:] {
						if diff := cmp.Diff(cells, row[len(row)-2:]); diff != "" {
							t.Errorf("workbook: %s: last cells of a finding (-want +got):\n%s", id, diff)
						}
					}
				}

				back, err := ReadJSON(bytes.NewReader(render(t, JSONReporter{}, run, opt)))
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range back.Checks {
					for _, fd := range c.Findings {
						if got := fd.Values[len(fd.Values)-2:]; !cmp.Equal(got, codeValues) {
							t.Errorf("JSON: %s: values end in %q, want the codes %q", c.ID, got, codeValues)
						}
					}
				}
			})
		}
	}
}

// findingsOf counts the findings of the check id in run.
func findingsOf(t *testing.T, run *results.Run, id string) int {
	t.Helper()
	for _, c := range run.Checks {
		if c.ID == id {
			return len(c.Findings)
		}
	}
	t.Fatalf("the fixture has no check %s", id)
	return 0
}

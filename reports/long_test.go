package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

// TestLongLists: an export with 10,000 extra columns and a value of
// 100,000 characters still give every report (issue 12: "the height of
// the row must be less than or equal to 409 points"), and the skipped
// columns are shortened to the first few and a count.
func TestLongLists(t *testing.T) {
	run := fixture(t)
	var extra []string
	for i := range 10000 {
		extra = append(extra, fmt.Sprintf("Extra%d", i))
	}
	run.Inputs[0].SkippedColumns = extra
	f := &run.Checks[0].Findings[0]
	f.Values = append([]string(nil), f.Values...)
	f.Values[0] = strings.Repeat("lange tekst ", 10000)
	run.Rejects = append(run.Rejects, results.Reject{File: "x.csv", Row: 2, Value: strings.Repeat("x ", 50000)})
	for _, lang := range []string{"nl", "en"} {
		opt := Options{Lang: lang}
		for _, r := range []ManagementReporter{ManagementXLSXReporter{}, ManagementHTMLReporter{}, ManagementJSONReporter{}} {
			var buf bytes.Buffer
			if err := r.Write(&buf, audience.Management(run), opt); err != nil {
				t.Fatalf("management %s %T: %v", lang, r, err)
			}
		}
	}
	for _, aud := range []string{results.AudienceRisk, results.AudienceFG} {
		for _, lang := range []string{"nl", "en"} {
			opt := Options{Lang: lang}
			for _, r := range []Reporter{XLSXReporter{}, HTMLReporter{}, JSONReporter{}} {
				var buf bytes.Buffer
				if err := r.Write(&buf, audience.AssumePrepared(run, aud), opt); err != nil {
					t.Fatalf("%s %s %T: %v", aud, lang, r, err)
				}
				if _, ok := r.(HTMLReporter); ok {
					want := map[string]string{"nl": "Extra0, Extra1, Extra2, Extra3, Extra4, Extra5, Extra6, Extra7, Extra8, Extra9 … en nog 9.990",
						"en": "Extra0, Extra1, Extra2, Extra3, Extra4, Extra5, Extra6, Extra7, Extra8, Extra9 … and 9,990 more"}[lang]
					if !strings.Contains(buf.String(), want) || strings.Contains(buf.String(), "Extra10,") {
						t.Errorf("%s %s HTML: skipped columns not shortened to %q", aud, lang, want)
					}
				}
				if _, ok := r.(XLSXReporter); ok && aud == results.AudienceFG && lang == "en" {
					x, err := excelize.OpenReader(&buf)
					if err != nil {
						t.Fatal(err)
					}
					rows, _ := x.GetRows("Files")
					if len(rows) < 2 || !strings.Contains(strings.Join(rows[1], "\t"), "Extra9 … and 9,990 more") {
						t.Errorf("Files sheet: %q", rows)
					}
				}
			}
		}
	}
}

package reports

import (
	"html"
	"strings"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/results"
)

// TestEnglishMarkers: a risk analysis in English shows the English markers
// where language-neutral texts had personal values; in Dutch the Dutch ones.
func TestEnglishMarkers(t *testing.T) {
	run := &results.Run{
		SchemaVersion: results.SchemaVersion, Audience: results.AudienceRisk, AsOf: "2026-09-01", Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		Checks: []results.Check{{ID: "c", Status: results.StatusFindings, Severity: "high", Columns: []string{"v"},
			ColumnLabels: []results.Text{{NL: "V", EN: "V"}},
			Findings: []results.Finding{{Key: "c|t|P-0123456789ab", Table: "t", RecordKey: "P-0123456789ab",
				File: "map/[kenmerk]-intake.pdf", Values: []string{"[naam] en [kenmerk]"}}}}},
		Acceptances: []results.Acceptance{{ID: "A1", CheckID: "c", RecordKey: "[kenmerk]/*", Status: results.AcceptanceStale}},
	}
	for _, tt := range []struct {
		lang, want, not string
	}{
		{"en", "[identifier]", "[kenmerk]"},
		{"nl", "[kenmerk]", "[identifier]"},
	} {
		for _, r := range []Reporter{HTMLReporter{}, XLSXReporter{}} {
			out := render(t, r, run, testOpt{Lang: tt.lang})
			text := html.UnescapeString(string(out))
			if _, ok := r.(XLSXReporter); ok {
				// Shared strings, and the inline strings of the streamed sheets.
				text = ""
				for name, part := range zipParts(t, out) {
					if name == "xl/sharedStrings.xml" || strings.HasPrefix(name, "xl/worksheets/") {
						text += part
					}
				}
			}
			if !strings.Contains(text, tt.want) || strings.Contains(text, tt.not) {
				t.Errorf("%T %s: want %s and no %s", r, tt.lang, tt.want, tt.not)
			}
		}
	}
}

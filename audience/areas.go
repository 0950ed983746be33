package audience

import (
	"slices"

	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// areaNames names the built-in areas (queries.Areas) for readers who do not
// know the codes. TestAreaNames keeps it in step with queries.Areas.
var areaNames = map[string]results.Text{
	"toestemming":         {NL: "Toestemming", EN: "Consent"},
	"bewaartermijnen":     {NL: "Bewaartermijnen", EN: "Retention periods"},
	"bsn":                 {NL: "Gebruik van het BSN", EN: "Use of the citizen service number (BSN)"},
	"bijzondere_gegevens": {NL: "Bijzondere persoonsgegevens", EN: "Special categories of personal data"},
	"verwerkers":          {NL: "Verwerkers", EN: "Processors"},
	"verwerkingsregister": {NL: "Verwerkingsregister", EN: "Record of processing activities"},
	"toegang":             {NL: "Toegang tot gegevens", EN: "Access to data"},
	"overdracht":          {NL: "Overdracht aan school", EN: "Handover to school"},
	"rechten":             {NL: "Rechten van betrokkenen", EN: "Rights of data subjects"},
	"datalekken":          {NL: "Datalekken", EN: "Data breaches"},
	"juistheid":           {NL: "Juistheid van gegevens", EN: "Accuracy of data"},
}

// AreaName names an area in Dutch and English. An area of the user's own
// checks, which avgaudit cannot know, is named by its code.
func AreaName(code string) results.Text {
	if t, ok := areaNames[code]; ok {
		return t
	}
	return results.Text{NL: code, EN: code}
}

// areaOrder lists the areas of checks: the built-in ones in queries.Areas
// order, then any other area in name order.
func areaOrder(checks []results.Check) []string {
	present := map[string]bool{}
	for _, c := range checks {
		present[c.Area] = true
	}
	var out []string
	for _, a := range queries.Areas {
		if present[a] {
			out = append(out, a)
			delete(present, a)
		}
	}
	rest := make([]string, 0, len(present))
	for a := range present {
		rest = append(rest, a)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

package audience

import (
	"slices"

	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

// AreaName names an area in Dutch and English (package vocab). An area of
// the user's own checks, which avgaudit cannot know, is named by its code.
func AreaName(code string) results.Text {
	if t, ok := vocab.Areas.Lookup(code); ok {
		return results.Text{NL: t.NL, EN: t.EN}
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

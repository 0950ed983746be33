package audience

import (
	"slices"

	"github.com/avgaudit/avgaudit/results"
)

// RunOf is the prepared run inside d, with its findings as the audience
// step shows them (before the reporters' BSN masking), for the tests of
// this package.
func RunOf(d Detailed) *results.Run {
	r := *d.run
	r.Checks = slices.Clone(d.run.Checks)
	for i := range r.Checks {
		c := &r.Checks[i]
		chk := &results.Check{ID: c.ID, Columns: c.Columns}
		show := func(fs []results.Finding, resolved bool) []results.Finding {
			if fs == nil || d.show == nil {
				return fs
			}
			out := make([]results.Finding, len(fs))
			for j, f := range fs {
				out[j] = d.show(chk, f, resolved)
			}
			return out
		}
		c.Findings, c.Resolved = show(c.Findings, false), show(c.Resolved, true)
	}
	return &r
}

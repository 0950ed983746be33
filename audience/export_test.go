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
		show := func(fs results.List, resolved bool) []results.Finding {
			if s, ok := fs.(results.Slice); ok && (len(s) == 0 || d.show == nil) {
				return s
			}
			out := make([]results.Finding, fs.Len())
			for j := range out {
				out[j] = fs.At(j)
				if d.show != nil {
					out[j] = d.show(chk, out[j], resolved)
				}
			}
			return out
		}
		c.Findings, c.Resolved = show(c.List(), false), show(results.Slice(c.Resolved), true)
		c.Stored = nil
	}
	return &r
}

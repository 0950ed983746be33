package audience

import "github.com/avgaudit/avgaudit/results"

// RunOf is the prepared run inside d, as the audience step left it (before
// the reporters' BSN masking), for the tests of this package.
func RunOf(d Detailed) *results.Run { return d.run }

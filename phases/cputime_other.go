//go:build !unix

package phases

import "time"

// cpuTime is 0 where the process's CPU time is not read (Windows): the
// --timings table then shows wall time and memory only.
func cpuTime() time.Duration { return 0 }

// Package phases measures the phases of a run (wall time, CPU time, the
// process's peak resident memory so far) for avgaudit audit --timings and
// bench/scale.sh. A Recorder travels in the context; without one every
// call is a no-op, so the measured code needs no flag of its own.
package phases

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Phase is one measured phase.
type Phase struct {
	Name    string
	Wall    time.Duration
	CPU     time.Duration // user + system, all threads of the process
	PeakRSS int64         // the process's peak resident set so far, bytes (0 if unknown)
	Heap    uint64        // Go heap in use at the end, bytes
}

// Recorder collects phases in the order they end.
type Recorder struct {
	mu     sync.Mutex
	start  time.Time
	cpu0   time.Duration
	phases []Phase
}

// New starts a recorder; its total runs from now.
func New() *Recorder { return &Recorder{start: time.Now(), cpu0: cpuTime()} }

type key struct{}

// With returns ctx carrying r.
func With(ctx context.Context, r *Recorder) context.Context { return context.WithValue(ctx, key{}, r) }

// From returns the recorder in ctx, or nil.
func From(ctx context.Context) *Recorder {
	r, _ := ctx.Value(key{}).(*Recorder)
	return r
}

// Start starts the phase name in ctx's recorder; the returned func ends it.
// Without a recorder both are no-ops.
func Start(ctx context.Context, name string) func() {
	r := From(ctx)
	if r == nil {
		return func() {}
	}
	t0, c0 := time.Now(), cpuTime()
	return func() {
		p := Phase{Name: name, Wall: time.Since(t0), CPU: cpuTime() - c0, PeakRSS: PeakRSS()}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		p.Heap = ms.HeapInuse
		r.mu.Lock()
		r.phases = append(r.phases, p)
		r.mu.Unlock()
	}
}

// Wrap measures every call of write as the phase name.
func Wrap(ctx context.Context, name string, write func(io.Writer) error) func(io.Writer) error {
	if From(ctx) == nil {
		return write
	}
	return func(w io.Writer) error {
		defer Start(ctx, name)()
		return write(w)
	}
}

// Phases returns the phases so far.
func (r *Recorder) Phases() []Phase {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Phase(nil), r.phases...)
}

// Write prints the phases and the total as a table.
func (r *Recorder) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-40s %9s %9s %12s %10s\n", "phase", "wall s", "cpu s", "peak RSS MB", "heap MB")
	row := func(p Phase) {
		fmt.Fprintf(&b, "%-40s %9.3f %9.3f %12.0f %10.0f\n", p.Name, p.Wall.Seconds(), p.CPU.Seconds(), float64(p.PeakRSS)/1e6, float64(p.Heap)/1e6)
	}
	for _, p := range r.Phases() {
		row(p)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	row(Phase{Name: "total", Wall: time.Since(r.start), CPU: cpuTime() - r.cpu0, PeakRSS: PeakRSS(), Heap: ms.HeapInuse})
	fmt.Fprintf(&b, "(%d CPUs, GOMAXPROCS %d, GC cycles %d, GC CPU fraction %.1f%%)\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), ms.NumGC, 100*ms.GCCPUFraction)
	_, err := io.WriteString(w, b.String())
	return err
}

// PeakRSS is the process's peak resident set size so far in bytes (VmHWM,
// Linux), or 0 where unknown.
func PeakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

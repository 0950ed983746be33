package results

import (
	"strings"
	"testing"
	"time"
)

// TestReadDate: Read gives the run its as-of date once, as a time.Time,
// and zero for a value that is no date; Clone keeps it.
func TestReadDate(t *testing.T) {
	for _, tt := range []struct {
		asOf string
		want time.Time
	}{
		{"2026-09-01", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"1-9-2026", time.Time{}},
		{"", time.Time{}},
	} {
		run, err := Read(strings.NewReader(`{"schema_version": 2, "audience": "fg", "as_of": "` + tt.asOf + `"}`))
		if err != nil {
			t.Fatal(err)
		}
		if !run.Date.Equal(tt.want) {
			t.Errorf("as_of %q: Date %v, want %v", tt.asOf, run.Date, tt.want)
		}
		if c := run.Clone(); !c.Date.Equal(run.Date) || c.AsOf != run.AsOf {
			t.Errorf("as_of %q: the clone's date %v, want %v", tt.asOf, c.Date, run.Date)
		}
	}
}

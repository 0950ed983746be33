package ingest

import (
	"testing"

	"github.com/avgaudit/avgaudit/values"
)

// fastDateSeeds are dates and times in the forms exports use, and near misses.
var fastDateSeeds = []string{
	"31-12-2025", "1-2-2025", "01/02/2025", "1.2.2025", "2025-12-31", "2025-1-2",
	"31-12-2025 14:05", "31-12-2025 4:05", "31-12-2025  14:05:59", "2025-12-31T14:05:00", "2025-12-31t00:00",
	"29-02-2024", "29-02-2025", "29-02-1900", "29-02-2000", "31-04-2025", "01-01-1900", "31-12-9999", "31-12-1899",
	"01-01-10000", "1-13-2025", "0-1-2025", "31-12-25", "2025/12/31", "31-12/2025", "31-12-2025 24:00",
	"31-12-2025 23:60", "31-12-2025 23:59:60", "31-12-2025 14:05Z", "31-12-2025 14:05:00.5", "31-12-2025 14",
	"31-12-2025T14:05", "31-12-2025 014:05", "31-12-2025 14:5", "31-12-2025 14:05:", "2025-12-31 ", " 2025-12-31",
	"1970-01-01", "1969-12-31 23:59:59", "0031-12-2025", "", "-", "31--12-2025", "12345-1-1",
}

// TestFastDateTime checks that the common forms take the fast path and
// agree with package values.
func TestFastDateTime(t *testing.T) {
	for _, s := range []string{"31-12-2025", "1-2-2025", "2025-12-31", "31-12-2025 14:05", "2025-12-31T14:05:00", "29-02-2024", "1969-12-31 23:59:59"} {
		if _, _, ok := fastDateTime(s); !ok {
			t.Errorf("fastDateTime(%q) not ok", s)
		}
	}
	for _, s := range []string{"29-02-2025", "31-04-2025", "31-12-25", "31-12-2025 24:00", "31-12-2025 14:05:00.5", "31-12-1899"} {
		if _, _, ok := fastDateTime(s); ok {
			t.Errorf("fastDateTime(%q) ok, want the slow path", s)
		}
	}
	for _, s := range fastDateSeeds {
		checkFastDateTime(t, s)
	}
}

// FuzzFastDateTime: whatever fastDateTime accepts, values.ParseDate and
// values.ParseTimestamp accept as the same date and time.
func FuzzFastDateTime(f *testing.F) {
	for _, s := range fastDateSeeds {
		f.Add(s)
	}
	f.Fuzz(checkFastDateTime)
}

func checkFastDateTime(t *testing.T, s string) {
	days, micros, ok := fastDateTime(s)
	if !ok {
		return
	}
	ts, err := values.ParseTimestamp(s)
	if err != nil {
		t.Fatalf("fastDateTime(%q) ok, values.ParseTimestamp: %v", s, err)
	}
	if ts.UnixMicro() != micros {
		t.Errorf("fastDateTime(%q) = %d µs, values.ParseTimestamp %d", s, micros, ts.UnixMicro())
	}
	d, err := values.ParseDate(s)
	if err != nil {
		t.Fatalf("fastDateTime(%q) ok, values.ParseDate: %v", s, err)
	}
	if want := truncateDay(d).Unix() / secondsPerDay; days != want {
		t.Errorf("fastDateTime(%q) = day %d, values.ParseDate day %d", s, days, want)
	}
}

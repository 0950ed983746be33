package values

import "testing"

func TestParseDateWrittenMonthsAndOffsets(t *testing.T) {
	tests := []struct {
		in   string
		want string // yyyy-mm-dd hh:mm:ss, or "" for an error
	}{
		{"1 maart 2024", "2024-03-01 00:00:00"},
		{"12 augustus 2025", "2025-08-12 00:00:00"},
		{"12 Aug. 2025", "2025-08-12 00:00:00"},
		{"3 March 2024", "2024-03-03 00:00:00"},
		{"31  december 2025 14:05", "2025-12-31 14:05:00"},
		{"1 mrt 2024", "2024-03-01 00:00:00"},
		{"31 februari 2024", ""},
		{"1 maart 24", ""},
		{"1 maand 2024", ""},
		{"1 maart", ""},
		{"maart 2024", ""},
		{"2026-03-01T10:00:00+01:00", "2026-03-01 10:00:00"},
		{"2026-03-01T10:00:00+0100", "2026-03-01 10:00:00"},
		{"2026-03-01T10:00:00-05", "2026-03-01 10:00:00"},
		{"2026-03-01T10:00:00.123+02:00", "2026-03-01 10:00:00"},
		{"2026-03-01T10:00:00+1", ""},
		{"2026-03-01T10:00:00+01:0", ""},
		{"2026-03-01T10:00:00Z+01:00", ""},
	}
	for _, tt := range tests {
		got, err := ParseTimestamp(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseTimestamp(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseTimestamp(%q): %v", tt.in, err)
			continue
		}
		if s := got.Format("2006-01-02 15:04:05"); s != tt.want {
			t.Errorf("ParseTimestamp(%q) = %s, want %s", tt.in, s, tt.want)
		}
		if d, err := ParseDate(tt.in); err != nil || d.Format("2006-01-02") != tt.want[:10] {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, d, err, tt.want[:10])
		}
	}
}

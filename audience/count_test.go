package audience

import (
	"encoding/json"
	"testing"
)

func TestTotal(t *testing.T) {
	tests := []struct {
		name     string
		parts    []int
		shown    string
		exact    bool
		min, max int
		wantJSON string
	}{
		{"zero", []int{0}, "0", true, 0, 0, `{"value":0,"shown":"0"}`},
		{"no parts", nil, "0", true, 0, 0, `{"value":0,"shown":"0"}`},
		{"one", []int{1}, "< 5", false, 1, 4, `{"value":null,"min":1,"max":4,"shown":"\u003c 5"}`},
		{"four", []int{4}, "< 5", false, 1, 4, `{"value":null,"min":1,"max":4,"shown":"\u003c 5"}`},
		{"five", []int{5}, "5", true, 5, 5, `{"value":5,"shown":"5"}`},
		{"large", []int{1234}, "1234", true, 1234, 1234, `{"value":1234,"shown":"1234"}`},
		{"exact parts", []int{5, 0, 12}, "17", true, 17, 17, `{"value":17,"shown":"17"}`},
		// total minus the visible 12 would give the hidden 3 back: a range
		{"one hidden part", []int{12, 3}, "13–16", false, 13, 16, `{"value":null,"min":13,"max":16,"shown":"13–16"}`},
		// the hidden 2 and 3 add up to 5: each may still be 1, 2, 3 or 4
		{"two hidden parts", []int{2, 3}, "5", true, 5, 5, `{"value":5,"shown":"5"}`},
		{"two ones", []int{1, 1}, "2–8", false, 2, 8, `{"value":null,"min":2,"max":8,"shown":"2–8"}`},
		// 8 from two hidden parts: both must be 4
		{"two fours", []int{4, 4, 10}, "12–18", false, 12, 18, `{"value":null,"min":12,"max":18,"shown":"12–18"}`},
		// five ones: every hidden part would be 1
		{"all ones", []int{1, 1, 1, 1, 1}, "5–20", false, 5, 20, `{"value":null,"min":5,"max":20,"shown":"5–20"}`},
		{"many hidden parts", []int{1, 1, 1, 1, 2, 30}, "36", true, 36, 36, `{"value":36,"shown":"36"}`},
		{"hidden and zero", []int{0, 4, 0}, "< 5", false, 1, 4, `{"value":null,"min":1,"max":4,"shown":"\u003c 5"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Total(tt.parts...)
			if c.Shown != tt.shown || c.Exact() != tt.exact {
				t.Errorf("Total(%v) = %q (exact %v), want %q (exact %v)", tt.parts, c.Shown, c.Exact(), tt.shown, tt.exact)
			}
			if lo, hi := c.bounds(); lo != tt.min || hi != tt.max {
				t.Errorf("Total(%v) bounds %d–%d, want %d–%d", tt.parts, lo, hi, tt.min, tt.max)
			}
			if c.Value != nil && *c.Value >= 1 && *c.Value < SuppressBelow {
				t.Errorf("Total(%v) shows %d exactly", tt.parts, *c.Value)
			}
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.wantJSON {
				t.Errorf("Total(%v) as JSON = %s, want %s", tt.parts, b, tt.wantJSON)
			}
		})
	}
}

// TestTotalNeverRevealsAPart tries every combination of three parts up to
// 9: a reader who sees the parts as shown ("< 5" or exact) and the total
// must still have at least two possible values for every hidden part, and
// the total itself must never be exact from 1 to 4.
func TestTotalNeverRevealsAPart(t *testing.T) {
	for a := 0; a <= 9; a++ {
		for b := 0; b <= 9; b++ {
			for c := 0; c <= 9; c++ {
				parts := []int{a, b, c}
				total := Total(parts...)
				for i, p := range parts {
					if p < 1 || p >= SuppressBelow {
						continue
					}
					if n := len(consistent(parts, total.Shown, i)); n < 2 {
						t.Errorf("parts %v: the total %q leaves part %d only %d possible value(s)", parts, total.Shown, i, n)
					}
				}
			}
		}
	}
}

// consistent lists the values part i may have for a reader who knows the
// exact parts, knows which parts are hidden (1–4) and sees the total.
func consistent(parts []int, shown string, i int) map[int]bool {
	out := map[int]bool{}
	var try func(j int, alt []int)
	try = func(j int, alt []int) {
		if j == len(parts) {
			if Total(alt...).Shown == shown {
				out[alt[i]] = true
			}
			return
		}
		if parts[j] < 1 || parts[j] >= SuppressBelow {
			try(j+1, append(alt, parts[j]))
			return
		}
		for g := 1; g < SuppressBelow; g++ {
			try(j+1, append(append([]int(nil), alt...), g))
		}
	}
	try(0, nil)
	return out
}

func TestDirection(t *testing.T) {
	n := func(v ...int) *Count { c := Total(v...); return &c }
	tests := []struct {
		name      string
		now, prev *Count
		want      string
	}{
		{"no previous run", n(7), nil, ""},
		{"up", n(9), n(5), TrendUp},
		{"down", n(5), n(9), TrendDown},
		{"same", n(6), n(6), TrendSame},
		{"new", n(6), n(0), TrendNew},
		{"new, small", n(2), n(0), TrendNew},
		{"gone", n(0), n(3), TrendDown},
		{"both small", n(3), n(1), TrendSimilar},
		{"small to five", n(5), n(4), TrendUp},
		{"five to small", n(4), n(5), TrendDown},
		// 13–16 against an exact 14: "same" or "up" would tell the hidden part
		{"range overlapping", n(14), n(12, 3), TrendSimilar},
		{"range below", n(20), n(12, 3), TrendUp},
		{"zero both", n(0), n(0), TrendSame},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := direction(*tt.now, tt.prev); got != tt.want {
				t.Errorf("direction(%q, %v) = %q, want %q", tt.now.Shown, tt.prev, got, tt.want)
			}
		})
	}
}

// TestTotalOfNeverRevealsAPart tries groups (areas) of up to two parts
// each: a reader who sees every part as shown, every group's total and the
// grand total must still have at least two possible values for every
// hidden part, and must not be able to work out a hidden sum from 1 to 4
// of a group whose total is shown as a range.
func TestTotalOfNeverRevealsAPart(t *testing.T) {
	vals := []int{0, 1, 2, 4, 7}
	var shapes [][][]int
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range vals {
				for _, d := range vals {
					shapes = append(shapes, [][]int{{a, b}, {c, d}}, [][]int{{a, b}, {c}, {d, 9}}, [][]int{{a, b, c}, {d}})
				}
			}
		}
	}
	shapes = append(shapes,
		[][]int{{4, 4}, {2, 2, 2}, {10}}, // 8 = two fours; the other area's 6 is exact
		[][]int{{1, 1, 1, 1, 1}, {3, 3}}, // five ones
	)
	for _, groups := range shapes {
		total := TotalOf(groups...)
		if total.Value != nil && *total.Value >= 1 && *total.Value < SuppressBelow {
			t.Errorf("groups %v: total %d shown exactly", groups, *total.Value)
		}
		parts, sums := consistentGroups(groups, total.Shown)
		for gi, g := range groups {
			for pi, p := range g {
				if p >= 1 && p < SuppressBelow && len(parts[gi][pi]) < 2 {
					t.Errorf("groups %v: totals %q leave part %d of group %d only %v", groups, total.Shown, pi, gi, parts[gi][pi])
				}
			}
			if !Total(g...).Exact() && len(sums[gi]) == 1 {
				for h := range sums[gi] {
					if h >= 1 && h < SuppressBelow {
						t.Errorf("groups %v: totals %q give group %d's hidden sum %d", groups, total.Shown, gi, h)
					}
				}
			}
		}
	}
}

// consistentGroups lists, for a reader who knows the exact parts, which
// parts are hidden (1–4), each group's total as shown and the grand total
// as shown, the values each part may have and the hidden sums each group
// may have.
func consistentGroups(groups [][]int, shown string) (parts [][]map[int]bool, sums []map[int]bool) {
	var flat []int
	for _, g := range groups {
		flat = append(flat, g...)
	}
	parts = make([][]map[int]bool, len(groups))
	sums = make([]map[int]bool, len(groups))
	for gi, g := range groups {
		sums[gi] = map[int]bool{}
		for range g {
			parts[gi] = append(parts[gi], map[int]bool{})
		}
	}
	var try func(j int, alt []int)
	try = func(j int, alt []int) {
		if j < len(flat) {
			if flat[j] < 1 || flat[j] >= SuppressBelow {
				try(j+1, append(alt, flat[j]))
				return
			}
			for v := 1; v < SuppressBelow; v++ {
				try(j+1, append(append([]int(nil), alt...), v))
			}
			return
		}
		altGroups := make([][]int, len(groups))
		at := 0
		for gi, g := range groups {
			altGroups[gi] = alt[at : at+len(g)]
			at += len(g)
			if Total(altGroups[gi]...).Shown != Total(g...).Shown {
				return
			}
		}
		if TotalOf(altGroups...).Shown != shown {
			return
		}
		for gi, g := range altGroups {
			for pi, v := range g {
				parts[gi][pi][v] = true
			}
			sums[gi][hiddenSum(g)] = true
		}
	}
	try(0, nil)
	return parts, sums
}

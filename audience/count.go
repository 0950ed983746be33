package audience

import "strconv"

// SuppressBelow is the smallest count of findings or records the management
// report shows exactly (apart from 0): a count from 1 to SuppressBelow-1
// could point to one child, so it is shown as "< 5".
const SuppressBelow = 5

// Suppressed is how a count from 1 to 4 is shown.
const Suppressed = "< 5"

// Count is a number of findings or records as the management report may
// show it. Only 0 and counts of SuppressBelow or more are exact (Value set);
// any other count is known only between Min and Max.
//
// A total is exact when the parts it hides add up to 0, or to 5 or more in
// a way that pins none of them (not all 1, not all 4): total minus the
// visible parts then gives back only a sum that points to no single child.
// Otherwise the total is the range its parts
// allow: the exact parts plus 1 to 4 for each suppressed part ("48–56").
// A total of totals must also keep the hidden sums of its inexact parts
// out of 1–4 (see TotalOf).
type Count struct {
	// Value is the exact count; nil when it is not shown.
	Value *int `json:"value"`
	// Min and Max bound a count that is not exact; both 0 when it is.
	Min int `json:"min,omitempty"`
	Max int `json:"max,omitempty"`
	// Shown is the count as the report writes it: "0", "12", "< 5" or "48–56".
	Shown string `json:"shown"`
}

// NewCount returns n as the report may show it.
func NewCount(n int) Count { return Total(n) }

// Total returns the sum of parts as the report may show it: exact when the
// parts from 1 to 4 add up to 0 or to 5 or more, else the range of sums
// the shown parts allow.
func Total(parts ...int) Count {
	return total(parts, hiddenSum(parts))
}

// TotalOf returns the sum of the groups' parts, shown exactly only when
// neither the hidden parts of all groups together nor those of the groups
// whose own total is a range add up to 1–4. Without the second condition
// the grand total minus the exact group totals and the visible parts would
// give back the hidden sum of a group shown as a range.
func TotalOf(groups ...[]int) Count {
	var all []int
	inexact := 0
	for _, g := range groups {
		all = append(all, g...)
		if h := hiddenSum(g); h > 0 && h < SuppressBelow {
			inexact += h
		}
	}
	h := hiddenSum(all)
	if inexact > 0 && inexact < SuppressBelow {
		h = inexact // below 5: shown as a range
	}
	return total(all, h)
}

// revealing reports whether a hidden sum h of k parts, each from 1 to 4,
// gives away a count from 1 to 4: the sum itself (below 5), or every part
// (all 1 when h == k, all 4 when h == 4k).
func revealing(h, k int) bool {
	if h == 0 {
		return false
	}
	return h < SuppressBelow || h == k || h == (SuppressBelow-1)*k
}

// hiddenSum adds the parts from 1 to 4.
func hiddenSum(parts []int) int {
	sum := 0
	for _, n := range parts {
		if n >= 1 && n < SuppressBelow {
			sum += n
		}
	}
	return sum
}

// total shows the sum of parts exactly unless hidden, the sum a reader
// could work out from it, is from 1 to 4.
func total(parts []int, hidden int) Count {
	exact, suppressed, sum := 0, 0, 0
	for _, n := range parts {
		sum += n
		if n >= 1 && n < SuppressBelow {
			suppressed++
		} else {
			exact += n
		}
	}
	if !revealing(hidden, suppressed) {
		return Count{Value: &sum, Shown: strconv.Itoa(sum)}
	}
	hidden = suppressed
	c := Count{Min: exact + hidden, Max: exact + (SuppressBelow-1)*hidden}
	c.Shown = strconv.Itoa(c.Min) + "–" + strconv.Itoa(c.Max)
	if c.Max < SuppressBelow {
		c.Shown = Suppressed
	}
	return c
}

// Exact reports whether the count is shown exactly.
func (c Count) Exact() bool { return c.Value != nil }

// Zero reports whether the count is exactly 0.
func (c Count) Zero() bool { return c.Value != nil && *c.Value == 0 }

// bounds returns the smallest and largest value the count may have.
func (c Count) bounds() (int, int) {
	if c.Value != nil {
		return *c.Value, *c.Value
	}
	return c.Min, c.Max
}

// Mid is where a chart draws the count: its value, or the middle of its
// range.
func (c Count) Mid() float64 {
	lo, hi := c.bounds()
	return float64(lo+hi) / 2
}

// Directions of a count against the previous run.
const (
	TrendUp      = "up"      // more than last time
	TrendDown    = "down"    // fewer than last time
	TrendSame    = "same"    // exactly as many
	TrendSimilar = "similar" // the shown figures overlap: "< 5" both times, say
	TrendNew     = "new"     // none last time, some now
)

// direction compares now with prev using only what the report shows of
// them, so that the direction gives away no more than the figures do: an
// exact total "the same" as a range would pin the range down. Without a
// previous count (prev nil) there is no direction ("").
func direction(now Count, prev *Count) string {
	if prev == nil {
		return ""
	}
	nowLo, nowHi := now.bounds()
	prevLo, prevHi := prev.bounds()
	switch {
	case prev.Zero() && nowLo > 0:
		return TrendNew
	case now.Exact() && prev.Exact() && nowLo == prevLo:
		return TrendSame
	case nowLo > prevHi:
		return TrendUp
	case nowHi < prevLo:
		return TrendDown
	}
	return TrendSimilar
}

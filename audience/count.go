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
	return total(parts, revealing(hiddenSum(parts), hiddenParts(parts)))
}

// TotalOf returns the sum of the groups' parts. It is shown exactly only
// when Total would show the sum of all parts exactly and it pins down the
// hidden sum of no group whose own total is not exact: a reader who takes
// the exact group totals and the visible parts off the grand total is left
// with the hidden sum S of those groups, and knows from the way each of
// them is shown which hidden sums it can have (see revealing). S must be 5
// or more, and allow every such group at least two hidden sums; else no
// group would be hidden behind its range ("4" and "4" shown as "2–8").
func TotalOf(groups ...[]int) Count {
	var all []int
	var ranged [][2]int // hidden sum and number of hidden parts of each group shown as a range
	s := 0
	for _, g := range groups {
		all = append(all, g...)
		if h, k := hiddenSum(g), hiddenParts(g); revealing(h, k) {
			ranged = append(ranged, [2]int{h, k})
			s += h
		}
	}
	reveals := revealing(hiddenSum(all), hiddenParts(all))
	if len(ranged) > 0 && !reveals {
		reveals = s < SuppressBelow || pinsAGroup(ranged, s)
	}
	return total(all, reveals)
}

// rangeSums are the hidden sums a group with k hidden parts (each 1 to 4)
// can have when its total is shown as a range.
func rangeSums(k int) []int {
	var out []int
	for h := k; h <= (SuppressBelow-1)*k; h++ {
		if revealing(h, k) {
			out = append(out, h)
		}
	}
	return out
}

// pinsAGroup reports whether the sum s of the hidden sums of the groups
// (hidden sum, hidden parts) leaves one of them a single possible hidden
// sum, given the sums rangeSums allows each.
func pinsAGroup(groups [][2]int, s int) bool {
	for i := range groups {
		// reach: the sums the other groups can add up to.
		reach := map[int]bool{0: true}
		for j, g := range groups {
			if j == i {
				continue
			}
			next := map[int]bool{}
			for r := range reach {
				for _, h := range rangeSums(g[1]) {
					next[r+h] = true
				}
			}
			reach = next
		}
		possible := 0
		for _, h := range rangeSums(groups[i][1]) {
			if reach[s-h] {
				possible++
			}
		}
		if possible < 2 {
			return true
		}
	}
	return false
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

// hiddenParts counts the parts from 1 to 4.
func hiddenParts(parts []int) int {
	k := 0
	for _, n := range parts {
		if n >= 1 && n < SuppressBelow {
			k++
		}
	}
	return k
}

// total shows the sum of parts exactly unless reveals, else as the range
// of sums the shown parts allow.
func total(parts []int, reveals bool) Count {
	exact, suppressed, sum := 0, 0, 0
	for _, n := range parts {
		sum += n
		if n >= 1 && n < SuppressBelow {
			suppressed++
		} else {
			exact += n
		}
	}
	if !reveals {
		return Count{Value: &sum, Shown: strconv.Itoa(sum)}
	}
	c := Count{Min: exact + suppressed, Max: exact + (SuppressBelow-1)*suppressed}
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

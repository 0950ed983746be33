package results

import (
	"strconv"
	"strings"
	"unicode"
)

// RejectGroup is the rejects of one file and column for one reason, with
// the values told apart only by their digits ("TS-10392" and "TS-10393"
// are both "TS-…"): one line on the terminal instead of sixty.
type RejectGroup struct {
	First  Reject // the first reject of the group, as it is
	Rows   []int  // the rows, in the order the rejects came
	Value  string // the value, or its shape when the values differ ("TS-…")
	Reason Text   // the reason, with the value replaced by Value
}

// GroupRejects groups rejects by file, sheet, column and reason, in the
// order each group first occurs.
func GroupRejects(rejects []Reject) []RejectGroup {
	var out []RejectGroup
	index := map[string]int{}
	for _, r := range rejects {
		shape := valueShape(r.Value)
		reason := Text{NL: replaceValue(r.Reason.NL, r.Value, shape), EN: replaceValue(r.Reason.EN, r.Value, shape)}
		key := strings.Join([]string{r.File, r.Sheet, r.Column, reason.EN}, "\x00")
		i, ok := index[key]
		if !ok {
			index[key] = len(out)
			out = append(out, RejectGroup{First: r, Value: r.Value, Reason: r.Reason})
			i = len(out) - 1
		}
		g := &out[i]
		g.Rows = append(g.Rows, r.Row)
		if r.Value != g.First.Value && g.Value != shape {
			g.Value, g.Reason = shape, reason
		}
	}
	return out
}

// valueShape writes a value with each run of digits as "…".
func valueShape(v string) string {
	var b strings.Builder
	inDigits := false
	for _, r := range v {
		if unicode.IsDigit(r) {
			if !inDigits {
				b.WriteString("…")
			}
			inDigits = true
			continue
		}
		inDigits = false
		b.WriteRune(r)
	}
	return b.String()
}

// replaceValue replaces the quoted value in a reason by the quoted shape.
func replaceValue(reason, value, shape string) string {
	if value == "" {
		return reason
	}
	return strings.ReplaceAll(reason, strconv.Quote(value), strconv.Quote(shape))
}

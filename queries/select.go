package queries

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// SelectionError names the check ids and area codes given to Select that
// match no check, and lists the valid ones.
type SelectionError struct {
	Unknown []string
	IDs     []string // every check id, sorted
	Areas   []string // every area code, sorted
}

func (e *SelectionError) Error() string { return e.In("en") }

// In is the message in lang ("nl" or "en").
func (e *SelectionError) In(lang string) string {
	format := "geen controle of gebied %s; controles: %s; gebieden: %s"
	if lang == "en" {
		format = "no check or area %s; check ids: %s; areas: %s"
	}
	return fmt.Sprintf(format, quoteAll(e.Unknown), strings.Join(e.IDs, ", "), strings.Join(e.Areas, ", "))
}

// Select keeps the checks named in only (all when only is empty) and then
// drops those named in skip. Each name is a check id or an area code; a
// name matching neither is a *SelectionError. A user check that could not
// be read and has no known area is kept by only, so its mistake is not
// hidden; skip drops it by id. The order of checks is kept.
func Select(checks []Check, only, skip []string) ([]Check, error) {
	ids, areas := map[string]bool{}, map[string]bool{}
	for _, a := range Areas {
		areas[a] = true
	}
	for _, c := range checks {
		ids[c.ID] = true
		if c.Area != "" {
			areas[c.Area] = true
		}
	}
	only, skip = cleanNames(only), cleanNames(skip)
	var unknown []string
	for _, n := range append(append([]string{}, only...), skip...) {
		if !ids[n] && !areas[n] && !slices.Contains(unknown, n) {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return nil, &SelectionError{Unknown: unknown, IDs: slices.Sorted(maps.Keys(ids)), Areas: slices.Sorted(maps.Keys(areas))}
	}
	out := make([]Check, 0, len(checks))
	for _, c := range checks {
		unplaced := c.Err != nil && c.Area == ""
		if (len(only) == 0 || named(c, only) || unplaced) && !named(c, skip) {
			out = append(out, c)
		}
	}
	return out, nil
}

// named reports whether names holds c's id or area.
func named(c Check, names []string) bool {
	return slices.Contains(names, c.ID) || (c.Area != "" && slices.Contains(names, c.Area))
}

// cleanNames trims the names and drops empty ones (from "a,,b" or "a, b").
func cleanNames(names []string) []string {
	var out []string
	for _, n := range names {
		for _, part := range strings.Split(n, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

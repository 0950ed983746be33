// Package profiles recognises exports by their headers: built-in header
// profiles give, per canonical table and column, the Dutch and English
// names exports use for it. Match places one header row on a canonical
// table and proposes the column mapping; Recognise does so for every export
// in a folder and turns the result into a manifest to review.
package profiles

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/avgaudit/avgaudit/model"
)

// Key normalises a header or label for comparison: accents removed, lower
// case, only letters and digits ("Geb. datum" and "gebdatum" are equal).
func Key(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Synonyms lists the export headers that mean column of table: its own
// name first, then the profile's synonyms.
func Synonyms(table, column string) []string {
	out := []string{column}
	out = append(out, perTable[table][column]...)
	return append(out, shared[column]...)
}

// index maps, per table, a normalised header to its canonical column.
var index = func() map[string]map[string]string {
	idx := map[string]map[string]string{}
	for _, t := range model.Tables {
		m := map[string]string{}
		for _, c := range t.Columns {
			for _, s := range Synonyms(t.Name, c.Name) {
				if _, taken := m[Key(s)]; !taken {
					m[Key(s)] = c.Name
				}
			}
		}
		idx[t.Name] = m
	}
	return idx
}()

// MinColumns is the fewest matched columns that place a header on a table.
const MinColumns = 2

// Candidate is how well a header row fits one table.
type Candidate struct {
	Table    string
	Columns  map[int]string // header index -> canonical column
	Matched  int            // canonical columns matched
	Total    int            // columns of the table
	Missing  []string       // required columns not matched
	Hinted   bool           // the file or sheet name suggests this table
	Unplaced []int          // header indexes not mapped
}

// Score describes the fit for people: "12 of 13 columns".
func (c Candidate) Score() string {
	return fmt.Sprintf("%d of %d columns", c.Matched, c.Total)
}

func (c Candidate) better(o Candidate) bool {
	if c.Matched != o.Matched {
		return c.Matched > o.Matched
	}
	return c.Matched*o.Total > o.Matched*c.Total // the larger share of the table
}

// closer orders tables a header could not be placed on: the one that
// lacks the fewest required columns first.
func (c Candidate) closer(o Candidate) bool {
	if c.Matched != o.Matched {
		return c.Matched > o.Matched
	}
	if len(c.Missing) != len(o.Missing) {
		return len(c.Missing) < len(o.Missing)
	}
	return c.better(o)
}

// Result is where a header row was placed, or why it could not be.
type Result struct {
	Candidate        // the table chosen (Table == "" if none)
	RunnerUp  string // the next best table that could also take the header, if any
	Reason    string // why it could not be placed
}

// Placed reports whether a table was chosen.
func (r Result) Placed() bool { return r.Table != "" }

// Match places a header row on the canonical table whose columns it
// matches best. All required columns must match, and at least MinColumns.
// Two tables matching as many columns are told apart by the name (words of
// the file and sheet names in names); if that does not settle it, the
// header is not placed.
func Match(header []string, names string) Result {
	var fits, partial []Candidate
	for _, t := range model.Tables {
		c := fit(&t, header, names)
		if c.Matched >= MinColumns && len(c.Missing) == 0 {
			fits = append(fits, c)
		} else if c.Matched > 0 {
			partial = append(partial, c)
		}
	}
	sort.SliceStable(fits, func(i, j int) bool { return fits[i].better(fits[j]) })
	sort.SliceStable(partial, func(i, j int) bool { return partial[i].closer(partial[j]) })
	if len(fits) == 0 {
		return Result{Reason: noFitReason(partial)}
	}
	best := fits[0]
	var tied []Candidate
	for _, c := range fits[1:] {
		if c.Matched == best.Matched {
			tied = append(tied, c)
		}
	}
	if len(tied) > 0 {
		hinted := []Candidate{}
		for _, c := range append([]Candidate{best}, tied...) {
			if c.Hinted {
				hinted = append(hinted, c)
			}
		}
		if len(hinted) != 1 {
			names := []string{fmt.Sprintf("%s (%s)", best.Table, best.Score())}
			for _, c := range tied {
				names = append(names, fmt.Sprintf("%s (%s)", c.Table, c.Score()))
			}
			return Result{Reason: fmt.Sprintf("fits %s equally well; add it to the manifest by hand with the right table", strings.Join(names, " and "))}
		}
		best = hinted[0]
	}
	r := Result{Candidate: best}
	for _, c := range fits {
		if c.Table != best.Table {
			r.RunnerUp = fmt.Sprintf("%s (%s)", c.Table, c.Score())
			break
		}
	}
	return r
}

func noFitReason(partial []Candidate) string {
	if len(partial) == 0 {
		return "no column header matches a column of any table"
	}
	c := partial[0]
	if len(c.Missing) > 0 {
		return fmt.Sprintf("closest is %s (%s), but required column(s) %s not found", c.Table, c.Score(), strings.Join(c.Missing, ", "))
	}
	return fmt.Sprintf("closest is %s, but only %s match (at least %d needed)", c.Table, c.Score(), MinColumns)
}

// fit maps header onto table t: each canonical column takes the first
// header that means it, but a header that is the canonical name itself
// wins (the loader would load it anyway).
func fit(t *model.Table, header []string, names string) Candidate {
	c := Candidate{Table: t.Name, Columns: map[int]string{}, Total: len(t.Columns)}
	taken := map[string]int{}
	for i, h := range header {
		col, ok := index[t.Name][Key(h)]
		if !ok {
			continue
		}
		prev, dup := taken[col]
		switch {
		case !dup:
		case strings.EqualFold(strings.TrimSpace(h), col) && !strings.EqualFold(strings.TrimSpace(header[prev]), col):
			delete(c.Columns, prev)
		default:
			continue
		}
		taken[col] = i
		c.Columns[i] = col
	}
	for i := range header {
		if _, ok := c.Columns[i]; !ok && strings.TrimSpace(header[i]) != "" {
			c.Unplaced = append(c.Unplaced, i)
		}
	}
	c.Matched = len(taken)
	for _, col := range t.Columns {
		if _, ok := taken[col.Name]; !ok && col.Required {
			c.Missing = append(c.Missing, col.Name)
		}
	}
	nameKey := Key(names)
	for _, h := range tableHints[t.Name] {
		if strings.Contains(nameKey, h) {
			c.Hinted = true
		}
	}
	return c
}

// ValueMapping proposes the labels to map for an enum (or gender) column of
// table from the distinct values found: mapped holds label -> canonical
// value for labels that are not canonical values themselves, unknown the
// labels no profile knows.
func ValueMapping(table, column string, distinct []string) (mapped map[string]string, unknown []string) {
	allowed := allowedValues(table, column)
	if allowed == nil {
		return nil, nil
	}
	byKey := map[string]string{}
	for canonical, labels := range valueSynonyms[column] {
		if !allowed[canonical] {
			continue
		}
		for _, l := range labels {
			byKey[Key(l)] = canonical
		}
	}
	mapped = map[string]string{}
	for _, v := range distinct {
		if allowed[strings.ToLower(strings.TrimSpace(v))] {
			continue
		}
		if canonical, ok := byKey[Key(v)]; ok {
			mapped[v] = canonical
			continue
		}
		unknown = append(unknown, v)
	}
	return mapped, unknown
}

// allowedValues are a column's canonical values: an enum's, or m and v for
// gender (a text column the reports show as m/v); nil for other columns.
func allowedValues(table, column string) map[string]bool {
	t, ok := model.Lookup(table)
	if !ok {
		return nil
	}
	c, ok := t.Column(column)
	if !ok {
		return nil
	}
	var vals []string
	switch {
	case c.Type == model.Enum:
		vals = c.Values
	case column == "gender":
		vals = []string{"m", "v"}
	default:
		return nil
	}
	m := map[string]bool{}
	for _, v := range vals {
		m[v] = true
	}
	return m
}

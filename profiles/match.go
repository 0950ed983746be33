// Package profiles recognises exports by their headers: built-in header
// profiles give, per canonical table and column, the Dutch and English
// names exports use for it. Match places one header row on a canonical
// table and proposes the column mapping; Recognise does so for every export
// in a folder and turns the result into a manifest to review.
package profiles

import (
	"fmt"
	"slices"
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

// better orders the tables a header fits: a table that takes a header as
// its own key beats one that leaves that header out ("Kind-ID" makes a
// sheet the portal's children, even if the administration's children
// table matches more of its other columns); then the most matched columns.
func (c Candidate) better(o Candidate) bool {
	if ck, ok := c.keyLeftOutBy(o), o.keyLeftOutBy(c); ck != ok {
		return ck
	}
	if c.Matched != o.Matched {
		return c.Matched > o.Matched
	}
	return c.Matched*o.Total > o.Matched*c.Total // the larger share of the table
}

// keyLeftOutBy reports whether c maps a header to one of its key columns
// that o leaves unplaced.
func (c Candidate) keyLeftOutBy(o Candidate) bool {
	t, _ := model.Lookup(c.Table)
	for i, col := range c.Columns {
		if k, ok := t.Column(col); ok && k.Key && slices.Contains(o.Unplaced, i) {
			return true
		}
	}
	return false
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
	if sys := namedSystems(names); len(sys) > 0 {
		fits, partial = preferSystems(fits, sys), preferSystems(partial, sys)
	}
	sort.SliceStable(fits, func(i, j int) bool { return fits[i].better(fits[j]) })
	sort.SliceStable(partial, func(i, j int) bool { return partial[i].closer(partial[j]) })
	if len(fits) == 0 {
		return Result{Reason: noFitReason(partial)}
	}
	best := fits[0]
	if len(partial) > 0 && partial[0].Matched > best.Matched && len(partial[0].Missing) > 0 {
		// A closer table lacks a required column: placing the header on a
		// weaker fit would load it as the wrong table.
		return Result{Reason: fmt.Sprintf("%s; it also fits %s (%s), which matches fewer columns",
			noFitReason(partial), best.Table, best.Score())}
	}
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

// describe names canonical columns of table with what they mean:
// "care_end (end of care; empty while care continues)".
func describe(table string, columns []string) string {
	t, _ := model.Lookup(table)
	out := make([]string, len(columns))
	for i, name := range columns {
		out[i] = name
		if c, ok := t.Column(name); ok && c.Doc != "" {
			out[i] = fmt.Sprintf("%s (%s)", name, c.Doc)
		}
	}
	return strings.Join(out, ", ")
}

// namedSystems are the systems whose products the file and sheet names
// mention ("Konnect export.xlsx" is the portal's).
func namedSystems(names string) map[string]bool {
	key, sys := Key(names), map[string]bool{}
	for _, pr := range products {
		if strings.Contains(key, pr.Hint) {
			sys[pr.System] = true
		}
	}
	return sys
}

// preferSystems keeps the candidates of the named systems, if there are any.
func preferSystems(cs []Candidate, sys map[string]bool) []Candidate {
	var out []Candidate
	for _, c := range cs {
		if t, _ := model.Lookup(c.Table); sys[t.System] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cs
	}
	return out
}

func noFitReason(partial []Candidate) string {
	if len(partial) == 0 {
		return "no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)"
	}
	c := partial[0]
	if len(c.Missing) > 0 {
		return fmt.Sprintf("closest is %s (%s), but no header was recognised as the required %s; if the export has it under another name, add the file to the manifest by hand and map that header, otherwise export it again with that column",
			c.Table, c.Score(), describe(c.Table, c.Missing))
	}
	return fmt.Sprintf("closest is %s, but only %s match (at least %d needed)", c.Table, c.Score(), MinColumns)
}

// fit maps header onto table t: each canonical column takes the first
// header that means it, but a header that is the canonical name itself
// wins (the loader would load it anyway). Headers that match a synonym
// exactly are placed first; a header that only matches once its
// parenthesised part or a qualifier is left out ("Rekeningnr. (IBAN)",
// "Voornaam kind") takes a column no exact header took.
func fit(t *model.Table, header []string, names string) Candidate {
	c := Candidate{Table: t.Name, Columns: map[int]string{}, Total: len(t.Columns)}
	taken := map[string]int{}
	for _, exact := range []bool{true, false} {
		for i, h := range header {
			col, ok := lookup(t.Name, h, exact)
			if !ok {
				continue
			}
			prev, dup := taken[col]
			switch {
			case !dup:
			case exact && strings.EqualFold(strings.TrimSpace(h), col) && !strings.EqualFold(strings.TrimSpace(header[prev]), col):
				delete(c.Columns, prev)
			default:
				continue
			}
			taken[col] = i
			c.Columns[i] = col
		}
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

// lookup finds the canonical column of table a header means: with exact,
// only by its synonyms; otherwise only by its variants (see headerVariants).
func lookup(table, header string, exact bool) (string, bool) {
	if exact {
		col, ok := index[table][Key(header)]
		return col, ok
	}
	for _, k := range headerVariants(table, header) {
		if col, ok := index[table][k]; ok {
			return col, true
		}
	}
	return "", false
}

// qualifiers are the words after a header's name that say whose value it
// is ("Achternaam kind", "E-mailadres ouder 1"), per table they fit: a
// parent's e-mail address is no column of a child table.
var qualifiers = map[string][]string{
	"admin_children":    childQualifiers,
	"portal_children":   childQualifiers,
	"tracking_children": childQualifiers,
	"admin_guardians":   guardianQualifiers,
	"portal_guardians":  guardianQualifiers,
}

var (
	childQualifiers    = []string{"vanhetkind", "kind", "child"}
	guardianQualifiers = []string{"ouderverzorger", "verzorger", "ouder1", "ouder2", "ouder", "parent", "guardian"}
)

// headerVariants are the normalised forms a header is tried under when it
// matches no synonym as written: without its parenthesised part and that
// part alone ("Rekeningnr. (IBAN)", "Meldplichtig (j/n)"), without a
// qualifier of the table ("Voornaam kind"), and with "nr" and "nummer"
// exchanged at the end ("Relatienr", "Debiteurnr").
func headerVariants(table, header string) []string {
	var bases []string
	if open := strings.IndexByte(header, '('); open > 0 {
		inner, _, _ := strings.Cut(header[open+1:], ")")
		bases = append(bases, Key(header[:open]), Key(inner))
	}
	bases = append(bases, Key(header))
	var out []string
	for _, b := range bases {
		forms := []string{b}
		for _, q := range qualifiers[table] {
			if s, ok := strings.CutSuffix(b, q); ok && s != "" {
				forms = append(forms, s)
				break
			}
		}
		for _, f := range forms {
			out = append(out, f)
			if s, ok := strings.CutSuffix(f, "nummer"); ok && s != "" {
				out = append(out, s+"nr")
			} else if s, ok := strings.CutSuffix(f, "nr"); ok && s != "" {
				out = append(out, s+"nummer")
			}
		}
	}
	return out
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

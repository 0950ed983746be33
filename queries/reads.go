package queries

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/avgaudit/avgaudit/model"
)

// ColumnRead is one canonical column a check reads, as its reads header
// declares it. By default the check needs it: when the manifest does not
// map it, or it is blank in every row, the check is not run.
type ColumnRead struct {
	Table, Column string
	// Sharpens: the check judges without the column, less precisely; when
	// it is missing the check runs and is marked incomplete with the
	// reason. Written `column?`.
	Sharpens bool
	// MayBeBlank: a blank means something ("not removed", "no
	// tussenvoegsel"), so a column blank in every row is a result, not a
	// gap; only an unmapped column is. Written `column~` (or `column?~`).
	MayBeBlank bool
	// Either are the other columns of a choice: the check needs one of
	// them, whichever the export has (a consent's date, or a yes/no).
	// Written `column|other` (marks after the last apply to all).
	Either []string
}

// String is the column as table.column.
func (r ColumnRead) String() string { return r.Table + "." + r.Column }

// PlaceColumns are read by every check that places its findings (the
// reserved output columns and the place macros): they never decide a
// finding, so a check need not declare them and their absence only leaves
// findings unplaced.
var PlaceColumns = []string{ColLocation, ColGroup}

var (
	readsGroup = regexp.MustCompile(`^\s*([a-z_][a-z0-9_]*)\s*\(([^()]*)\)\s*(?:,|$)`)
	readsCol   = regexp.MustCompile(`^([a-z_][a-z0-9_]*(?:\|[a-z_][a-z0-9_]*)*)(\??)(~?)$`)
	identWord  = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// parseReads reads the header `reads: table(col, col?, col~), table(...)`
// and verifies it against the query: every table the query reads must be
// declared with the columns it uses, and every declared column must occur
// in the query (or in a macro it calls). Which columns of a table the query
// reads cannot be told from its text alone when two tables share a column
// name; the catalogue test binds every built-in check against tables that
// hold only the declared columns, so a column read but not declared fails
// go test.
func parseReads(c *Check, value string, line int) error {
	bad := func(nl, en string, args ...any) error { return headerErr(c.File, line, nl, en, args...) }
	rest := strings.TrimSpace(value)
	seen := map[string]bool{}
	c.ColumnReads = []ColumnRead{}
	if rest == "none" { // the query reads only meta tables
		rest = ""
	}
	for rest != "" {
		m := readsGroup.FindStringSubmatch(rest)
		if m == nil {
			return bad("reads: verwacht tabel(kolom, kolom?, kolom~), ... (of none) bij %q; een kolom? maakt de uitkomst alleen scherper, een kolom~ mag in elke rij leeg zijn (kolom?~ allebei)", "reads: expected table(column, column?, column~), ... (or none) at %q; a column? only sharpens the result, a column~ may be blank in every row (column?~ both)", rest)
		}
		rest = strings.TrimSpace(rest[len(m[0]):])
		t, ok := model.Lookup(m[1])
		if !ok {
			return bad("reads: %q is geen tabel van het model; tabellen: %s", "reads: %q is not a canonical table; tables: %s", m[1], strings.Join(model.TableNames(""), ", "))
		}
		if seen[t.Name] {
			return bad("reads: tabel %s staat er twee keer; noem al zijn kolommen in één tabel(...)", "reads: table %s is named twice; list all its columns in one table(...)", t.Name)
		}
		seen[t.Name] = true
		for _, raw := range strings.Split(m[2], ",") {
			cm := readsCol.FindStringSubmatch(strings.TrimSpace(raw))
			if cm == nil {
				return bad("reads: %s(%s): %q is geen kolomnaam (met eventueel ? of ~)", "reads: %s(%s): %q is not a column name (with an optional ? or ~)", t.Name, m[2], strings.TrimSpace(raw))
			}
			names := strings.Split(cm[1], "|")
			for _, name := range names {
				if _, ok := t.Column(name); !ok {
					return bad("reads: %s heeft geen kolom %q; de kolommen: %s", "reads: %s has no column %q; its columns: %s", t.Name, name, strings.Join(t.ColumnNames(), ", "))
				}
			}
			for i, name := range names {
				var either []string
				if len(names) > 1 {
					either = append(slices.Clone(names[:i]), names[i+1:]...)
				}
				c.ColumnReads = append(c.ColumnReads, ColumnRead{Table: t.Name, Column: name, Sharpens: cm[2] == "?", MayBeBlank: cm[3] == "~", Either: either})
			}
		}
	}
	words := sqlWords(c.SQL)
	for _, t := range c.Reads {
		if !seen[t] {
			return bad("reads: de query leest tabel %s; noem de kolommen die hij gebruikt: %s(...)", "reads: the query reads table %s; declare the columns it uses: %s(...)", t, t)
		}
	}
	for _, r := range c.ColumnReads {
		if !slices.Contains(c.Reads, r.Table) {
			return bad("reads: %s staat erin, maar de query leest tabel %s niet", "reads: %s is declared, but the query does not read table %s", r, r.Table)
		}
		if !words[r.Column] && !macroColumn(c.SQL, r) {
			return bad("reads: %s staat erin, maar de query noemt %s nergens", "reads: %s is declared, but the query never names %s", r, r.Column)
		}
	}
	return nil
}

// sqlCode is a query with its comments and string literals blanked out.
func sqlCode(sql string) string {
	b := []byte(sql)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\'':
			for i++; i < len(b); i++ {
				if b[i] == '\'' {
					if i+1 < len(b) && b[i+1] == '\'' {
						b[i] = ' '
						i++
						b[i] = ' '
						continue
					}
					break
				}
				b[i] = ' '
			}
		case b[i] == '-' && i+1 < len(b) && b[i+1] == '-':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// sqlWords are the identifiers in a query outside comments and strings.
func sqlWords(sql string) map[string]bool {
	s := sqlCode(sql)
	out := map[string]bool{}
	for _, w := range identWord.FindAllString(s, -1) {
		out[strings.ToLower(w)] = true
	}
	return out
}

// macroColumn reports whether a macro the query calls reads r.
func macroColumn(sql string, r ColumnRead) bool {
	for re, cols := range MacroColumns {
		if re.MatchString(sql) && slices.Contains(cols, r.String()) {
			return true
		}
	}
	return false
}

// NeededColumns are the columns c reads, grouped by table, sorted.
func (c *Check) NeededColumns() map[string][]ColumnRead {
	out := map[string][]ColumnRead{}
	for _, r := range c.ColumnReads {
		out[r.Table] = append(out[r.Table], r)
	}
	for t := range out {
		sort.Slice(out[t], func(i, j int) bool { return out[t][i].Column < out[t][j].Column })
	}
	return out
}

// ReadColumns is every canonical column any of checks reads, as
// table.column, with the place columns and those the macros read.
func ReadColumns(checks []Check) map[string]bool {
	out := map[string]bool{}
	for _, c := range checks {
		for _, r := range c.ColumnReads {
			out[r.String()] = true
		}
		for re, cols := range MacroColumns {
			if re.MatchString(c.SQL) {
				for _, col := range cols {
					out[col] = true
				}
			}
		}
		for _, t := range c.Reads {
			tbl, _ := model.Lookup(t)
			for _, p := range PlaceColumns {
				if _, ok := tbl.Column(p); ok {
					out[t+"."+p] = true
				}
			}
		}
	}
	return out
}

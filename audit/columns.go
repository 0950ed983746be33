package audit

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// columnState is what the load delivered of one canonical column.
type columnState int

const (
	columnFilled   columnState = iota // mapped, with a value in some row (or the table is empty)
	columnUnmapped                    // no input of the table maps it
	columnBlank                       // mapped, but blank in every row
)

// columnSupply finds, and remembers, the state of canonical columns on a
// connection where the inputs were loaded.
type columnSupply struct {
	conn  *sql.Conn
	state map[string]columnState
}

func newColumnSupply(conn *sql.Conn) *columnSupply {
	return &columnSupply{conn: conn, state: map[string]columnState{}}
}

func (s *columnSupply) of(ctx context.Context, table, column string) (columnState, error) {
	key := table + "." + column
	if st, ok := s.state[key]; ok {
		return st, nil
	}
	t, ok := model.Lookup(table)
	if !ok {
		return 0, fmt.Errorf("column %s: no canonical table %s", key, table)
	}
	col, ok := t.Column(column)
	if !ok {
		return 0, fmt.Errorf("column %s: table %s has no such column", key, table)
	}
	st := columnFilled
	var mapped int
	if err := s.conn.QueryRowContext(ctx, "SELECT count(*) FROM "+ingest.ColumnsTable+" WHERE table_name = ? AND column_name = ?", table, column).Scan(&mapped); err != nil {
		return 0, fmt.Errorf("column %s: is it mapped: %w", key, err)
	}
	var rows, filled int
	if err := s.conn.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*), count(%s) FROM %s", column, table)).Scan(&rows, &filled); err != nil {
		return 0, fmt.Errorf("column %s: count its values: %w", key, err)
	}
	switch {
	case mapped == 0 && filled == 0:
		st = columnUnmapped
	case rows > 0 && filled == 0 && !col.MayBeEmpty:
		st = columnBlank
	}
	s.state[key] = st
	return st, nil
}

// gap is a column a check reads that the load did not deliver.
type gap struct {
	queries.ColumnRead
	state columnState
}

// columnGaps judges the columns c reads on the tables that were supplied:
// a needed column missing from every table of a requirement group makes
// the check not run (reason set); other missing columns leave it running,
// incomplete (warnings).
func columnGaps(ctx context.Context, cs *columnSupply, c *queries.Check, usable map[string]bool) (reason *results.Text, warnings []results.Text, err error) {
	lacks := map[string][]gap{} // per table, the needed columns it misses
	var sharpen []gap
	for _, r := range c.ColumnReads {
		if !usable[r.Table] {
			continue
		}
		st, err := cs.of(ctx, r.Table, r.Column)
		if err != nil {
			return nil, nil, err
		}
		if st == columnFilled || (st == columnBlank && r.MayBeBlank) {
			continue
		}
		if len(r.Either) > 0 {
			// One of a choice is enough; the gap is said once, by the first.
			ok := false
			for _, o := range r.Either {
				ost, err := cs.of(ctx, r.Table, o)
				if err != nil {
					return nil, nil, err
				}
				ok = ok || ost == columnFilled || (ost == columnBlank && r.MayBeBlank)
			}
			first := slices.IndexFunc(c.ColumnReads, func(o queries.ColumnRead) bool {
				return o.Table == r.Table && (o.Column == r.Column || slices.Contains(r.Either, o.Column))
			})
			if ok || c.ColumnReads[first].Column != r.Column {
				continue
			}
		}
		g := gap{r, st}
		if r.Sharpens {
			sharpen = append(sharpen, g)
			continue
		}
		lacks[r.Table] = append(lacks[r.Table], g)
	}
	var blocking []gap
	for _, group := range c.Requires {
		var supplied, complete bool
		for _, t := range group {
			if usable[t] {
				supplied = true
				complete = complete || len(lacks[t]) == 0
			}
		}
		for _, t := range group {
			if !supplied || len(lacks[t]) == 0 {
				continue
			}
			if complete { // another table of the group can be judged
				sharpen = append(sharpen, lacks[t]...)
			} else {
				blocking = append(blocking, lacks[t]...)
			}
			delete(lacks, t)
		}
	}
	for _, t := range slices.Sorted(maps.Keys(lacks)) { // tables the check reads but does not require
		sharpen = append(sharpen, lacks[t]...)
	}
	if len(blocking) > 0 {
		r := gapText(blocking)
		reason = &r
	}
	for _, g := range sharpen {
		w := gapText([]gap{g})
		w.NL = "onvolledig: " + w.NL + "; de controle is uitgevoerd zonder die kolom"
		w.EN = "incomplete: " + w.EN + "; the check ran without that column"
		warnings = append(warnings, w)
	}
	return reason, warnings, nil
}

// gapText names the missing columns: "the export has no column for
// admin_children.first_name, admin_children.last_name; admin_children.bsn
// is blank in every row".
func gapText(gaps []gap) results.Text {
	var unmapped, blank []string
	for _, g := range gaps {
		name := g.String()
		if len(g.Either) > 0 {
			name = strings.Join(append([]string{name}, g.Either...), " / ")
		}
		if g.state == columnBlank {
			blank = append(blank, name)
		} else {
			unmapped = append(unmapped, name)
		}
	}
	var nl, en []string
	if len(unmapped) > 0 {
		nl = append(nl, "de export heeft geen kolom voor "+strings.Join(unmapped, ", ")+" (het manifest koppelt die niet)")
		en = append(en, "the export has no column for "+strings.Join(unmapped, ", ")+" (the manifest does not map it)")
	}
	if len(blank) > 0 {
		nl = append(nl, strings.Join(blank, ", ")+" is in elke rij leeg")
		en = append(en, strings.Join(blank, ", ")+" is blank in every row")
	}
	return results.Text{NL: strings.Join(nl, "; "), EN: strings.Join(en, "; ")}
}

package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
)

// applyJoins adds the columns of every join entry (join: in the manifest)
// to the rows the other entries of its table loaded, matched by the key,
// and then removes the join entry's own rows: a placements sheet gives its
// children their start and end of care. Per key, an end date is blank if
// any of the key's rows has none (a placement still open) and else the
// latest; a start date is the earliest; other columns are taken from the
// latest row (by the start date the entry maps, else by row). A row whose
// key no other entry has is rejected.
func applyJoins(ctx context.Context, conn *sql.Conn, m *manifest.Manifest, res *Result) error {
	for _, f := range m.Files() {
		if f == nil || f.Join == "" {
			continue
		}
		t, ok := model.Lookup(f.Table)
		if !ok {
			continue
		}
		var mains []string
		for _, o := range m.Files() {
			if o != nil && o.Join == "" && o.Table == f.Table {
				mains = append(mains, o.Label())
			}
		}
		in := inputOf(res, f)
		if in == nil || len(mains) == 0 {
			continue
		}
		if err := joinInto(ctx, conn, t, f, mains, in, res); err != nil {
			return fmt.Errorf("join %s into %s: %w", f.Label(), f.Table, err)
		}
		res.Columns = append(res.Columns, joinedColumns(m, f, res.Columns)...)
	}
	return nil
}

// applyLookups replaces, in the rows of every entry with lookup:, the
// administration's child numbers its column holds by the system's own
// child ids, from the system's children table (portal_children,
// tracking_children): a consent export that names the child by the
// administration's number then links to the portal's photos. A number the
// children table does not have stays as it is.
func applyLookups(ctx context.Context, conn *sql.Conn, m *manifest.Manifest) error {
	for _, f := range m.Files() {
		if f == nil {
			continue
		}
		for _, col := range slices.Sorted(maps.Keys(f.Lookup)) {
			if col == "child_id" {
				if err := lookupNames(ctx, conn, f); err != nil {
					return fmt.Errorf("look up the children named in %s: %w", f.Label(), err)
				}
				continue
			}
			children := strings.TrimSuffix(col, "_child_id") + "_children" // portal_children
			q := fmt.Sprintf("UPDATE %s SET %s = k.%s FROM (SELECT child_id, min(%s) AS %s FROM %s WHERE child_id IS NOT NULL GROUP BY child_id HAVING count(DISTINCT %s) = 1) AS k WHERE %s._file = ? AND %s.%s = k.child_id",
				f.Table, col, col, col, col, children, col, f.Table, f.Table, col)
			if _, err := conn.ExecContext(ctx, q, f.Label()); err != nil {
				return fmt.Errorf("look up %s of %s in %s: %w", col, f.Label(), children, err)
			}
		}
	}
	return nil
}

// lookupNames replaces the children's names an entry's child_id holds
// (lookup: {child_id: name}) by their numbers in admin_children: a name is
// the child's first name, name prefix and last name ("Saar de Wit"),
// compared without regard to case and spaces, and only a name one child
// has counts. A name no child has ("geen (alleen handen)") is blank: no
// recognisable child.
func lookupNames(ctx context.Context, conn *sql.Conn, f *manifest.File) error {
	const names = `SELECT lower(concat_ws(' ', trim(first_name), nullif(trim(name_prefix), ''), trim(last_name))) AS name, min(child_id) AS child_id
		FROM admin_children WHERE first_name IS NOT NULL AND last_name IS NOT NULL GROUP BY 1 HAVING count(*) = 1`
	q := fmt.Sprintf(`UPDATE %s SET child_id = k.child_id FROM (%s) AS k
		WHERE %s._file = ? AND lower(regexp_replace(trim(%s.child_id), '\s+', ' ', 'g')) = k.name`, f.Table, names, f.Table, f.Table)
	if _, err := conn.ExecContext(ctx, q, f.Label()); err != nil {
		return err
	}
	q = fmt.Sprintf("UPDATE %s SET child_id = NULL WHERE _file = ? AND child_id NOT IN (SELECT child_id FROM admin_children)", f.Table)
	_, err := conn.ExecContext(ctx, q, f.Label())
	return err
}

// JoinedPosition is the Position of a ColumnInfo for a column another
// entry of the table fills by a join: filled, but not by this export.
const JoinedPosition = -1

// joinedColumns are what a join fills beyond each entry's own columns:
// the join entry's columns count as the other entries' of its table, and
// theirs as its own, so neither is said to lack what the other gives.
func joinedColumns(m *manifest.Manifest, f *manifest.File, cols []ColumnInfo) []ColumnInfo {
	filled := func(label string) map[string]bool {
		out := map[string]bool{}
		for _, c := range cols {
			if c.File == label && c.Table == f.Table && c.Column != "" {
				out[c.Column] = true
			}
		}
		return out
	}
	var out []ColumnInfo
	add := func(to *manifest.File, from map[string]bool) {
		own := filled(to.Label())
		for _, c := range slices.Sorted(maps.Keys(from)) {
			if !own[c] {
				out = append(out, ColumnInfo{File: to.Label(), Sheet: to.Sheet, Table: to.Table, Position: JoinedPosition, Column: c})
			}
		}
	}
	part := filled(f.Label())
	for _, o := range m.Files() {
		if o != nil && o.Join == "" && o.Table == f.Table {
			add(o, part)
			add(f, filled(o.Label()))
		}
	}
	return out
}

// inputOf is the input the load recorded for f.
func inputOf(res *Result, f *manifest.File) *results.Input {
	for i := range res.Inputs {
		in := &res.Inputs[i]
		if in.File == f.File && in.Sheet == f.Sheet && in.Table == f.Table {
			return in
		}
	}
	return nil
}

func joinInto(ctx context.Context, conn *sql.Conn, t *model.Table, f *manifest.File, mains []string, in *results.Input, res *Result) error {
	key, label := f.Join, f.Label()
	var cols []string
	for _, c := range f.Columns {
		if c != key && !slices.Contains(cols, c) {
			if _, ok := t.Column(c); ok {
				cols = append(cols, c)
			}
		}
	}
	slices.Sort(cols)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(mains)), ", ")
	mainArgs := make([]any, len(mains))
	for i, l := range mains {
		mainArgs[i] = l
	}

	// Rows whose key no other entry has: rejected.
	orphans := fmt.Sprintf("SELECT _row, CAST(%s AS VARCHAR) FROM %s WHERE _file = ? AND %s NOT IN (SELECT %s FROM %s WHERE _file IN (%s)) ORDER BY _row",
		key, t.Name, key, key, t.Name, marks)
	rows, err := conn.QueryContext(ctx, orphans, append([]any{label}, mainArgs...)...)
	if err != nil {
		return err
	}
	header := key
	for h, c := range f.Columns {
		if c == key {
			header = h
		}
	}
	var rejects []results.Reject
	for rows.Next() {
		var r results.Reject
		var row int64
		if err := rows.Scan(&row, &r.Value); err != nil {
			rows.Close()
			return err
		}
		r.File, r.Sheet, r.Row, r.Column = label, f.Sheet, int(row), header
		r.Reason = results.Text{
			EN: fmt.Sprintf("%s %q is in no row of the other export of %s (%s): its columns cannot be added to a record", key, r.Value, t.Name, strings.Join(mains, ", ")),
			NL: fmt.Sprintf("%s %q staat in geen rij van de andere export van %s (%s): de kolommen kunnen aan geen record worden toegevoegd", key, r.Value, t.Name, strings.Join(mains, ", ")),
		}
		rejects = append(rejects, r)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range rejects {
		if _, err := conn.ExecContext(ctx, "INSERT INTO "+RejectsTable+" VALUES (?, ?, ?, ?, ?, ?, ?)", r.File, r.Sheet, int64(r.Row), r.Column, r.Value, r.Reason.EN, r.Reason.NL); err != nil {
			return err
		}
	}
	if len(rejects) > 0 {
		res.Rejects = append(res.Rejects, rejects...)
		in.RowsLoaded -= len(rejects)
		in.RowsRejected += len(rejects)
	}

	if len(cols) > 0 {
		order := "_row"
		for _, c := range cols {
			if col, _ := t.Column(c); isDate(col) && strings.HasSuffix(c, "_start") {
				order = c
			}
		}
		var aggs, sets []string
		for _, c := range cols {
			col, _ := t.Column(c)
			switch {
			case isDate(col) && (strings.HasSuffix(c, "_end") || col.MayBeEmpty):
				// open while any of the key's rows is open
				aggs = append(aggs, fmt.Sprintf("CASE WHEN bool_or(%s IS NULL) THEN NULL ELSE max(%s) END AS %s", c, c, c))
				sets = append(sets, fmt.Sprintf("%s = j.%s", c, c))
				continue
			case isDate(col) && strings.HasSuffix(c, "_start"):
				aggs = append(aggs, fmt.Sprintf("min(%s) AS %s", c, c))
			default:
				aggs = append(aggs, fmt.Sprintf("arg_max(%s, %s) AS %s", c, order, c))
			}
			sets = append(sets, fmt.Sprintf("%s = coalesce(j.%s, %s.%s)", c, c, t.Name, c))
		}
		update := fmt.Sprintf("UPDATE %s SET %s FROM (SELECT %s, %s FROM %s WHERE _file = ? GROUP BY %s) AS j WHERE %s.%s = j.%s AND %s._file IN (%s)",
			t.Name, strings.Join(sets, ", "), key, strings.Join(aggs, ", "), t.Name, key, t.Name, key, key, t.Name, marks)
		if _, err := conn.ExecContext(ctx, update, append([]any{label}, mainArgs...)...); err != nil {
			return err
		}
	}
	_, err = conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE _file = ?", t.Name), label)
	return err
}

func isDate(c *model.Column) bool { return c.Type == model.Date || c.Type == model.Timestamp }

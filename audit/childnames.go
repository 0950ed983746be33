package audit

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
)

// childKeys are the columns that name a child, with the table that holds
// the child's name. A table's first such column (in model order) links it:
// a portal row by the portal's own child id, not the administration's.
var childKeys = map[string]string{
	"child_id":          "admin_children",
	"portal_child_id":   "portal_children",
	"tracking_child_id": "tracking_children",
}

// LoadedRow names one row of a loaded table by its source: the export
// (model.FileColumn, with " [sheet]" for a workbook) and its row there.
type LoadedRow struct {
	Table string
	File  string
	Row   int
}

// ChildNames looks up, for each of rows that is about a child, the
// child's name (first name, prefix and last name) in its system's children
// table; a row of a children table is named by its own columns. Rows of
// tables without a child's id, of children tables that were not loaded,
// and of children without a name are left out. Names are for the FG's
// outputs only (the FG report and the spot-check checklist).
func ChildNames(ctx context.Context, conn *sql.Conn, rows []LoadedRow) (map[LoadedRow]string, error) {
	byTable := map[string][]LoadedRow{}
	for _, r := range rows {
		byTable[r.Table] = append(byTable[r.Table], r)
	}
	names := map[LoadedRow]string{}
	if len(byTable) == 0 {
		return names, nil
	}
	loaded, err := loadedTables(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("child names: %w", err)
	}
	const name = "trim(concat_ws(' ', k.first_name, k.name_prefix, k.last_name))"
	for _, t := range model.Tables {
		want := byTable[t.Name]
		if len(want) == 0 || !loaded[t.Name] {
			continue
		}
		for _, c := range t.Columns {
			children, ok := childKeys[c.Name]
			if !ok || !loaded[children] {
				continue
			}
			// Only the rows asked for: a finding's, or a drawn record's. The
			// row numbers are integers, so they go into the query as text.
			nums := make([]string, 0, len(want))
			for _, r := range want {
				nums = append(nums, strconv.Itoa(r.Row))
			}
			slices.Sort(nums)
			nums = slices.Compact(nums)
			q := fmt.Sprintf(`SELECT t.%[1]s, t.%[2]s, min(%[3]s) FROM %[4]s t JOIN %[5]s k ON k.%[6]s = t.%[6]s
				WHERE t.%[2]s IN (%[7]s) GROUP BY t.%[1]s, t.%[2]s`,
				model.FileColumn, model.RowColumn, name, t.Name, children, c.Name, strings.Join(nums, ", "))
			if t.Name == children {
				q = fmt.Sprintf(`SELECT %[1]s, %[2]s, min(%[3]s) FROM %[4]s k WHERE %[2]s IN (%[5]s) GROUP BY %[1]s, %[2]s`,
					model.FileColumn, model.RowColumn, name, t.Name, strings.Join(nums, ", "))
			}
			if err := readChildNames(ctx, conn, q, t.Name, names); err != nil {
				return nil, fmt.Errorf("child names of %s: %w", t.Name, err)
			}
			break
		}
	}
	// Rows of the same number in another export of the table were read
	// too; keep only the ones asked for.
	asked := make(map[LoadedRow]bool, len(rows))
	for _, r := range rows {
		asked[r] = true
	}
	for r := range names {
		if !asked[r] {
			delete(names, r)
		}
	}
	return names, nil
}

func loadedTables(ctx context.Context, conn *sql.Conn) (map[string]bool, error) {
	loaded := map[string]bool{}
	rows, err := conn.QueryContext(ctx, "SELECT table_name FROM information_schema.tables")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		loaded[t] = true
	}
	return loaded, rows.Err()
}

func readChildNames(ctx context.Context, conn *sql.Conn, q, table string, names map[LoadedRow]string) error {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var file string
		var row int64
		var n sql.NullString
		if err := rows.Scan(&file, &row, &n); err != nil {
			return err
		}
		if n.Valid && n.String != "" {
			names[LoadedRow{Table: table, File: file, Row: int(row)}] = n.String
		}
	}
	return rows.Err()
}

// nameChildren sets ChildName on every finding of checks whose record is
// about a child the loaded data names (see ChildNames). audience.Risk
// removes the names again; only the FG's outputs show them.
func nameChildren(ctx context.Context, conn *sql.Conn, checks []results.Check) error {
	var rows []LoadedRow
	shared := map[string]string{} // files and tables, held once
	intern := func(s string) string {
		if v, ok := shared[s]; ok {
			return v
		}
		shared[s] = s
		return s
	}
	for i := range checks {
		l := checks[i].List()
		for j := range l.Len() {
			if f := l.At(j); f.Row > 0 {
				rows = append(rows, LoadedRow{Table: intern(f.Table), File: intern(f.File), Row: f.Row})
			}
		}
	}
	names, err := ChildNames(ctx, conn, rows)
	if err != nil {
		return err
	}
	rows = nil
	for i := range checks {
		if checks[i].NFindings() == 0 {
			continue
		}
		if err := checks[i].Update(func(f *results.Finding) {
			f.ChildName = names[LoadedRow{Table: f.Table, File: f.File, Row: f.Row}]
		}); err != nil {
			return err
		}
	}
	return nil
}

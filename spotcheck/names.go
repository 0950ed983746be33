package spotcheck

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/avgaudit/avgaudit/model"
)

// childKeys are the columns that name a child, with the table that holds
// the child's name.
var childKeys = map[string]string{
	"child_id":          "admin_children",
	"portal_child_id":   "portal_children",
	"tracking_child_id": "tracking_children",
}

// ChildNames are the names of the children the loaded rows are about, by
// source file and row (see NameOf). The checklist is for the FG, who may
// see names; a BSN is never part of one.
type ChildNames map[string]string

func nameKey(file string, row int) string { return file + "\x00" + strconv.Itoa(row) }

// NameOf is the name of the child the row of file is about; "" if unknown.
func (n ChildNames) NameOf(file string, row int) string { return n[nameKey(file, row)] }

// LoadChildNames reads, for every loaded row of a table with a child's id,
// the child's name from its system's children table (first name, prefix
// and last name); rows of a children table get their own.
func LoadChildNames(ctx context.Context, conn *sql.Conn) (ChildNames, error) {
	loaded := map[string]bool{}
	rows, err := conn.QueryContext(ctx, "SELECT table_name FROM information_schema.tables")
	if err != nil {
		return nil, fmt.Errorf("child names: %w", err)
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return nil, fmt.Errorf("child names: %w", err)
		}
		loaded[t] = true
	}
	rows.Close()
	names := ChildNames{}
	const name = "trim(concat_ws(' ', k.first_name, k.name_prefix, k.last_name))"
	for _, t := range model.Tables {
		if !loaded[t.Name] {
			continue
		}
		for _, c := range t.Columns {
			children, ok := childKeys[c.Name]
			if !ok || !loaded[children] {
				continue
			}
			q := fmt.Sprintf(`SELECT t.%[1]s, t.%[2]s, min(%[3]s) FROM %[4]s t JOIN %[5]s k ON k.%[6]s = t.%[6]s
				GROUP BY t.%[1]s, t.%[2]s`, model.FileColumn, model.RowColumn, name, t.Name, children, c.Name)
			if t.Name == children {
				q = fmt.Sprintf(`SELECT %s, %s, %s FROM %s k`, model.FileColumn, model.RowColumn, name, t.Name)
			}
			if err := readNames(ctx, conn, q, names); err != nil {
				return nil, fmt.Errorf("child names of %s: %w", t.Name, err)
			}
			break
		}
	}
	return names, nil
}

func readNames(ctx context.Context, conn *sql.Conn, q string, names ChildNames) error {
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
			names[nameKey(file, int(row))] = n.String
		}
	}
	return rows.Err()
}

// NameChildren gives each record the name of the child it is about, where names
// knows it.
func (s *Sample) NameChildren(names ChildNames) {
	for i := range s.Records {
		r := &s.Records[i]
		r.Child = names.NameOf(r.File, r.Row)
	}
}

package queries_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/queries"
)

// TestChecksReadOnlyDeclaredColumns binds every built-in check against a
// database whose canonical tables hold only the columns the check declares
// in its reads header (plus provenance, the place columns and what the
// macros it calls read): a column the query reads but did not declare makes
// DuckDB refuse the query, and the test fails naming it.
func TestChecksReadOnlyDeclaredColumns(t *testing.T) {
	checks, err := queries.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range checks {
		t.Run(c.ID, func(t *testing.T) {
			if c.ColumnReads == nil {
				t.Fatalf("%s: declare the columns the query reads: -- reads: table(column, ...)", c.ID)
			}
			db, err := sql.Open("duckdb", "")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if err := ingest.CreateTables(ctx, conn); err != nil {
				t.Fatal(err)
			}
			// The macros are bound when created: create them on the full tables.
			if err := audit.SetVariables(ctx, conn, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), policy.Default()); err != nil {
				t.Fatal(err)
			}
			allowed := map[string][]string{}
			for _, r := range c.ColumnReads {
				allowed[r.Table] = append(allowed[r.Table], r.Column)
			}
			for re, cols := range queries.MacroColumns {
				if re.MatchString(c.SQL) {
					for _, tc := range cols {
						tbl, col, _ := strings.Cut(tc, ".")
						allowed[tbl] = append(allowed[tbl], col)
					}
				}
			}
			for i := range model.Tables {
				tbl := &model.Tables[i]
				cols := allowed[tbl.Name]
				if cols != nil {
					cols = append(cols, queries.PlaceColumns...)
				}
				var defs []string
				for _, col := range tbl.Columns {
					if slices.Contains(cols, col.Name) {
						defs = append(defs, col.Name+" "+col.Type.SQLType())
					}
				}
				defs = append(defs, model.FileColumn+" VARCHAR", model.RowColumn+" BIGINT")
				stmt := fmt.Sprintf("DROP TABLE %s; CREATE TABLE %s (%s)", tbl.Name, tbl.Name, strings.Join(defs, ", "))
				if _, err := conn.ExecContext(ctx, stmt); err != nil {
					t.Fatal(err)
				}
			}
			rows, err := conn.QueryContext(ctx, c.SQL)
			if err != nil {
				t.Fatalf("the query reads a column its reads header does not declare (declared: %v):\n%v", c.ColumnReads, err)
			}
			rows.Close()
		})
	}
}

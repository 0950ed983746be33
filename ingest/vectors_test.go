package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/avgaudit/avgaudit/model"
)

// vectorTable has a column of every canonical type.
var vectorTable = &model.Table{Name: "every_type", Columns: []model.Column{
	{Name: "id", Type: model.Text, Key: true},
	{Name: "note", Type: model.Text},
	{Name: "bsn", Type: model.BSN},
	{Name: "kind", Type: model.Enum, Values: []string{"a", "b"}},
	{Name: "day", Type: model.Date},
	{Name: "posted", Type: model.Timestamp},
	{Name: "ok", Type: model.Bool},
	{Name: "amount", Type: model.Decimal},
}}

// fillBatch puts rows first..first+n-1 in b: strings short and long (some
// longer than DuckDB inlines, some not ASCII), negative and positive
// numbers, and a null in every column now and then.
func fillBatch(b *rowBatch, first, n int) {
	b.n = n
	for i := range n {
		r := first + i
		b.nums[i] = int64(r + 2)
		for ci := range b.cols {
			col := &b.cols[ci]
			col.null[i] = (r+ci)%7 == 0
			if col.str != nil {
				col.str[i] = fmt.Sprintf("%d-%s", r, strings.Repeat("zoë", r%9))
			} else {
				col.num[i] = int64((r%5000 - 2500) * (ci + 1))
				if col.typ == model.Bool {
					col.num[i] = int64(r % 2)
				}
			}
		}
	}
}

// TestVectorAppender appends the same rows through the vector appender and
// duckdb-go's row appender and expects identical tables.
func TestVectorAppender(t *testing.T) {
	ctx := context.Background()
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
	dump := map[bool]string{}
	for _, vector := range []bool{true, false} {
		if _, err := conn.ExecContext(ctx, "DROP TABLE IF EXISTS every_type; "+vectorTable.CreateSQL()); err != nil {
			t.Fatal(err)
		}
		err := conn.Raw(func(dc any) error {
			var app batchAppender
			if vector {
				raw, ok := rawConnection(dc.(driver.Conn))
				if !ok {
					t.Fatal("rawConnection: the duckdb-go connection has no C connection where expected")
				}
				va, err := newVectorAppender(raw, vectorTable, "a file name longer than twelve bytes.csv")
				if err != nil {
					return err
				}
				app = va
			} else {
				ra, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", vectorTable.Name)
				if err != nil {
					return err
				}
				app = &rowAppender{app: ra, label: []byte("a file name longer than twelve bytes.csv"), row: make([]driver.Value, len(vectorTable.Columns)+2)}
			}
			b := newRowBatch(vectorTable)
			for first := 0; first < 5000; first += batchRows {
				fillBatch(b, first, min(batchRows, 5000-first))
				if err := app.append(b); err != nil {
					return err
				}
			}
			return app.close()
		})
		if err != nil {
			t.Fatal(err)
		}
		var out string
		row := conn.QueryRowContext(ctx, "SELECT count(*) || ' ' || string_agg(every_type::VARCHAR, '|' ORDER BY _row) FROM every_type")
		if err := row.Scan(&out); err != nil {
			t.Fatal(err)
		}
		dump[vector] = out
	}
	if !strings.HasPrefix(dump[true], "5000 ") || dump[true] != dump[false] {
		t.Errorf("vector appender:\n%.500s\nrow appender:\n%.500s", dump[true], dump[false])
	}
}

// TestNewBatchAppenderUsesVectors makes sure the loader takes the fast path
// with the duckdb-go version in go.mod.
func TestNewBatchAppenderUsesVectors(t *testing.T) {
	ctx := context.Background()
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
	if err := CreateTables(ctx, conn); err != nil {
		t.Fatal(err)
	}
	for i := range model.Tables {
		tbl := &model.Tables[i]
		err := conn.Raw(func(dc any) error {
			app, err := newBatchAppender(dc.(driver.Conn), tbl, "f.csv")
			if err != nil {
				return err
			}
			if _, ok := app.(*vectorAppender); !ok {
				t.Errorf("%s: appender is %T, want *vectorAppender", tbl.Name, app)
			}
			return app.close()
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"runtime"
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

// insertRows inserts rows rows of fillBatch into t through a rowSource,
// directly or value by value, and returns whether it wrote directly.
func insertRows(t testing.TB, conn *sql.Conn, tbl *model.Table, label string, rows int, direct bool) bool {
	t.Helper()
	b := newRowBatch(tbl)
	first := 0
	next := func() (*rowBatch, error) {
		if first >= rows {
			return nil, nil
		}
		fillBatch(b, first, min(batchRows, rows-first))
		first += batchRows
		return b, nil
	}
	src, err := newRowSource(tbl, label, next)
	if err != nil {
		t.Fatal(err)
	}
	if !direct {
		src.direct = -1
	}
	paused := 0
	src.pause = func() bool { // a statement per 3 batches
		if first-paused < 3*batchRows {
			return false
		}
		paused = first
		return true
	}
	name := fmt.Sprintf("test_rows_%d", sourceSeq.Add(1))
	err = duckdb.RegisterTableUDF(conn, name, duckdb.ChunkTableFunction{
		BindArguments: func(map[string]any, ...any) (duckdb.ChunkTableSource, error) { return src, nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	for !src.done {
		if _, err := conn.ExecContext(context.Background(), "INSERT INTO "+tbl.Name+" SELECT * FROM "+name+"()"); err != nil {
			t.Fatalf("%s: %v", tbl.Name, err)
		}
	}
	return src.direct > 0
}

func openConn(t testing.TB) *sql.Conn {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestRowSourceDirect inserts the same rows with chunks written directly
// and value by value through duckdb-go, and expects identical tables.
func TestRowSourceDirect(t *testing.T) {
	ctx := context.Background()
	conn := openConn(t)
	dump := map[bool]string{}
	for _, direct := range []bool{true, false} {
		if _, err := conn.ExecContext(ctx, "DROP TABLE IF EXISTS every_type; "+vectorTable.CreateSQL()); err != nil {
			t.Fatal(err)
		}
		if got := insertRows(t, conn, vectorTable, "a file name longer than twelve bytes.csv", 5000, direct); got != direct {
			t.Fatalf("wrote directly: %v, want %v", got, direct)
		}
		// The source's memory is gone and reused: the table must not point
		// into it.
		runtime.GC()
		junk := make([][]byte, 64)
		for i := range junk {
			junk[i] = bytes.Repeat([]byte{'x'}, 64*1024)
		}
		var out string
		row := conn.QueryRowContext(ctx, "SELECT count(*) || ' ' || string_agg(every_type::VARCHAR, '|' ORDER BY _row) FROM every_type")
		if err := row.Scan(&out); err != nil {
			t.Fatal(err)
		}
		dump[direct] = out
		runtime.KeepAlive(junk)
	}
	if !strings.HasPrefix(dump[true], "5000 ") || dump[true] != dump[false] {
		t.Errorf("direct:\n%.500s\nvalue by value:\n%.500s", dump[true], dump[false])
	}
}

// TestRowSourceDirectForEveryTable makes sure every canonical table is
// loaded the fast way with the duckdb-go version in go.mod.
func TestRowSourceDirectForEveryTable(t *testing.T) {
	conn := openConn(t)
	if err := CreateTables(context.Background(), conn); err != nil {
		t.Fatal(err)
	}
	for i := range model.Tables {
		if !insertRows(t, conn, &model.Tables[i], "f.csv", 10, true) {
			t.Errorf("%s: chunks not written directly", model.Tables[i].Name)
		}
	}
}

package rawchunk

import (
	"context"
	"database/sql"
	"runtime"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// source is a table function of one row per column type, filled through
// this package when Of finds the chunk.
type source struct {
	cols   []duckdb.ColumnInfo
	done   bool
	found  bool
	arena  []byte
	pinner runtime.Pinner // the arena, until the query is over
}

func (s *source) ColumnInfos() []duckdb.ColumnInfo     { return s.cols }
func (s *source) Cardinality() *duckdb.CardinalityInfo { return nil }
func (s *source) Init()                                {}

func (s *source) FillChunk(c duckdb.DataChunk) error {
	if s.done {
		return c.SetSize(0)
	}
	s.done = true
	raw, ok := Of(&c)
	s.found = ok
	if !ok {
		return c.SetSize(0)
	}
	long := "a text longer than twelve bytes"
	s.arena = []byte(long)
	s.pinner.Pin(&s.arena[0])
	Column(raw, 0).SetString(0, "short", nil)
	Column(raw, 0).SetString(1, long, s.arena)
	Column(raw, 1).SetInt32(0, 20697) // 2026-09-01
	Column(raw, 1).SetNull(1)
	Column(raw, 2).SetBool(0, true)
	Column(raw, 2).SetBool(1, false)
	Column(raw, 3).CopyInt64([]int64{-7, 1 << 40})
	return c.SetSize(2)
}

// TestOf fails when duckdb-go's DataChunk no longer holds the C chunk
// where Of looks, or its vectors no longer take values as written here:
// the loader would then fall back to the slower SetValue (see
// ingest.TestRowSourceDirect). Update this package for the new driver.
func TestOf(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	src := &source{}
	defer src.pinner.Unpin()
	for _, c := range []struct {
		name string
		typ  duckdb.Type
	}{{"s", duckdb.TYPE_VARCHAR}, {"d", duckdb.TYPE_DATE}, {"b", duckdb.TYPE_BOOLEAN}, {"n", duckdb.TYPE_BIGINT}} {
		ti, err := duckdb.NewTypeInfo(c.typ)
		if err != nil {
			t.Fatal(err)
		}
		src.cols = append(src.cols, duckdb.ColumnInfo{Name: c.name, T: ti})
	}
	err = duckdb.RegisterTableUDF(conn, "rawchunk_test", duckdb.ChunkTableFunction{
		BindArguments: func(map[string]any, ...any) (duckdb.ChunkTableSource, error) { return src, nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := conn.QueryContext(context.Background(), "SELECT s, CAST(d AS VARCHAR), b, n FROM rawchunk_test()")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got [][4]any
	for rows.Next() {
		var s string
		var d sql.NullString
		var b bool
		var n int64
		if err := rows.Scan(&s, &d, &b, &n); err != nil {
			t.Fatal(err)
		}
		got = append(got, [4]any{s, d.String, b, n})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !src.found {
		t.Fatal("rawchunk.Of found no chunk under duckdb-go's DataChunk: the driver changed; update package rawchunk")
	}
	want := [][4]any{{"short", "2026-09-01", true, int64(-7)}, {"a text longer than twelve bytes", "", false, int64(1 << 40)}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("rows %v, want %v", got, want)
	}
}

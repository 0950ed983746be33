package ingest

import (
	"database/sql/driver"
	"errors"
	"math/big"
	"runtime"
	"sync"
	"time"

	mapping "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/avgaudit/avgaudit/ingest/internal/rawchunk"
	"github.com/avgaudit/avgaudit/model"
)

// rowBatch holds parsed rows column by column: the canonical columns, then
// the row numbers (_row); _file is the same for every row.
type rowBatch struct {
	cols []batchColumn
	nums []int64
	n    int
}

// batchColumn is one canonical column of a batch. Text, BSN and enum values
// are in str; dates as days since 1970-01-01, timestamps as microseconds
// since 1970-01-01 00:00 UTC, booleans as 0 or 1 and amounts in cents are in
// num.
type batchColumn struct {
	typ  model.Type
	null []bool
	str  []string
	num  []int64
}

func newRowBatch(t *model.Table) *rowBatch {
	b := &rowBatch{cols: make([]batchColumn, len(t.Columns)), nums: make([]int64, batchRows)}
	for i, c := range t.Columns {
		col := &b.cols[i]
		col.typ = c.Type
		col.null = make([]bool, batchRows)
		if isText(c.Type) {
			col.str = make([]string, batchRows)
		} else {
			col.num = make([]int64, batchRows)
		}
	}
	return b
}

// isText says whether values of type t are stored as text.
func isText(t model.Type) bool { return t == model.Text || t == model.BSN || t == model.Enum }

// set stores v as row i of c.
func (c *batchColumn) set(i int, v value) {
	c.null[i] = false
	if c.str != nil {
		c.str[i] = v.s
	} else {
		c.num[i] = v.n
	}
}

// driverValue is row i of c as duckdb-go's DataChunk.SetValue takes it.
func (c *batchColumn) driverValue(i int) driver.Value {
	if c.null[i] {
		return nil
	}
	switch c.typ {
	case model.Date:
		return time.Unix(c.num[i]*secondsPerDay, 0).UTC()
	case model.Timestamp:
		return time.UnixMicro(c.num[i]).UTC()
	case model.Bool:
		return c.num[i] != 0
	case model.Decimal:
		return duckdb.Decimal{Width: 18, Scale: 2, Value: big.NewInt(c.num[i])}
	}
	return textValue(c.str[i])
}

// textValue hands a string to duckdb-go as bytes that share its memory
// (see rawchunk.Bytes).
func textValue(s string) []byte { return rawchunk.Bytes(s) }

// chunkWriter writes batches into DuckDB data chunks, straight into the
// vectors' memory. Strings longer than DuckDB inlines (12 bytes) point into
// arena, which stays pinned until release.
type chunkWriter struct {
	label  string
	arena  []byte
	pinner runtime.Pinner
}

// write fills chunk, whose columns are those of the batch's table followed
// by _file and _row, with the rows of b.
func (w *chunkWriter) write(chunk mapping.DataChunk, b *rowBatch) {
	w.reserveArena(b)
	if len(w.arena) > 0 {
		w.pinner.Pin(&w.arena[0])
	}
	off := 0
	for ci := range b.cols {
		col := &b.cols[ci]
		vec := rawchunk.Column(chunk, ci)
		for i := range b.n {
			if col.null[i] {
				vec.SetNull(i)
				continue
			}
			switch col.typ {
			case model.Text, model.BSN, model.Enum:
				off += vec.SetString(i, col.str[i], w.arena[off:])
			case model.Date:
				vec.SetInt32(i, int32(col.num[i]))
			case model.Bool:
				vec.SetBool(i, col.num[i] != 0)
			default: // timestamp, decimal(18,2)
				vec.SetInt64(i, col.num[i])
			}
		}
	}
	vec := rawchunk.Column(chunk, len(b.cols))
	for i := range b.n {
		off += vec.SetString(i, w.label, w.arena[off:])
	}
	rawchunk.Column(chunk, len(b.cols)+1).CopyInt64(b.nums[:b.n])
	mapping.DataChunkSetSize(chunk, mapping.IdxT(b.n))
}

// release unpins the arena once DuckDB has copied the chunk.
func (w *chunkWriter) release() { w.pinner.Unpin() }

// reserveArena makes the arena large enough for every long string of b, so
// that it does not move while the chunk points into it.
func (w *chunkWriter) reserveArena(b *rowBatch) {
	need := 0
	if len(w.label) > rawchunk.InlineLen {
		need = b.n * len(w.label)
	}
	for ci := range b.cols {
		col := &b.cols[ci]
		if col.str == nil {
			continue
		}
		for i, s := range col.str[:b.n] {
			if len(s) > rawchunk.InlineLen && !col.null[i] {
				need += len(s)
			}
		}
	}
	if need > len(w.arena) {
		w.arena = make([]byte, need+need/4)
	}
}

// rowSource is the table function the loader inserts from: INSERT INTO t
// SELECT * FROM it. DuckDB pulls one data chunk at a time (FillChunk), the
// source fills it with the next parsed batch. Filling the vectors' memory
// directly takes a few cgo calls per chunk instead of one per value, and
// DuckDB's INSERT is cheaper than its Appender, which copies every chunk
// once more.
type rowSource struct {
	columns []duckdb.ColumnInfo
	types   []model.Type              // of the canonical columns
	next    func() (*rowBatch, error) // nil at the end
	w       chunkWriter
	direct  int         // 1 when chunks are written directly, -1 when value by value
	pause   func() bool // whether to end the statement before the next batch
	done    bool        // next returned nil
	// mu is held by FillChunk and by close, which may run on another
	// thread while DuckDB finishes an interrupted statement.
	mu sync.Mutex
}

func newRowSource(t *model.Table, label string, next func() (*rowBatch, error)) (*rowSource, error) {
	s := &rowSource{next: next, w: chunkWriter{label: label}}
	for _, c := range t.Columns {
		ti, err := typeInfo(c.Type)
		if err != nil {
			return nil, err
		}
		s.columns = append(s.columns, duckdb.ColumnInfo{Name: c.Name, T: ti})
		s.types = append(s.types, c.Type)
	}
	file, err := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	if err != nil {
		return nil, err
	}
	row, err := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	if err != nil {
		return nil, err
	}
	s.columns = append(s.columns, duckdb.ColumnInfo{Name: model.FileColumn, T: file}, duckdb.ColumnInfo{Name: model.RowColumn, T: row})
	return s, nil
}

// typeInfo is the DuckDB type a canonical type is stored as (see
// model.Type.SQLType).
func typeInfo(t model.Type) (duckdb.TypeInfo, error) {
	switch t {
	case model.Date:
		return duckdb.NewTypeInfo(duckdb.TYPE_DATE)
	case model.Timestamp:
		return duckdb.NewTypeInfo(duckdb.TYPE_TIMESTAMP)
	case model.Bool:
		return duckdb.NewTypeInfo(duckdb.TYPE_BOOLEAN)
	case model.Decimal:
		return duckdb.NewDecimalInfo(18, 2)
	}
	return duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
}

// ColumnInfos, Cardinality and Init make rowSource a duckdb.ChunkTableSource.
func (s *rowSource) ColumnInfos() []duckdb.ColumnInfo     { return s.columns }
func (s *rowSource) Cardinality() *duckdb.CardinalityInfo { return nil }
func (s *rowSource) Init()                                {}

// close ends the source once its statements are over: a statement that
// failed or was interrupted may end without asking for another chunk, and
// the last one's memory must not stay pinned (a Pinner collected while
// pinning crashes the program). The table function stays registered as
// long as the connection lives, so the source lets go of the loader and
// its batches.
func (s *rowSource) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.release()
	s.next, s.pause, s.w.arena = nil, nil, nil
}

// FillChunk fills c with the next batch; an empty chunk ends the table.
func (s *rowSource) FillChunk(c duckdb.DataChunk) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.release() // DuckDB is done with the previous chunk
	if s.next == nil {
		return c.SetSize(0) // closed
	}
	if s.pause != nil && s.pause() {
		return c.SetSize(0) // the end of this statement, not of the rows
	}
	b, err := s.next()
	if err != nil || b == nil {
		s.done = true
		return errors.Join(err, c.SetSize(0))
	}
	if raw, ok := s.rawChunk(&c); ok {
		s.w.write(raw, b)
		return nil
	}
	for i := range b.n {
		for ci := range b.cols {
			if err := c.SetValue(ci, i, b.cols[ci].driverValue(i)); err != nil {
				return err
			}
		}
		if err := c.SetValue(len(b.cols), i, s.w.label); err != nil {
			return err
		}
		if err := c.SetValue(len(b.cols)+1, i, b.nums[i]); err != nil {
			return err
		}
	}
	return c.SetSize(b.n)
}

// rawChunk is the DuckDB chunk under c (see package rawchunk), when its
// vectors are those of the source in their order and types. A duckdb-go
// version that changes DataChunk makes the source fill chunks value by
// value instead of failing.
func (s *rowSource) rawChunk(c *duckdb.DataChunk) (mapping.DataChunk, bool) {
	if s.direct < 0 {
		return mapping.DataChunk{}, false
	}
	raw, ok := rawchunk.Of(c)
	if s.direct == 0 {
		s.direct = -1
		if ok && s.matches(raw) {
			s.direct = 1
		}
	}
	return raw, s.direct > 0
}

// The DuckDB types the chunk writer writes, per canonical type.
var vectorTypes = map[model.Type]mapping.Type{
	model.Text:      mapping.TypeVarchar,
	model.BSN:       mapping.TypeVarchar,
	model.Enum:      mapping.TypeVarchar,
	model.Date:      mapping.TypeDate,
	model.Timestamp: mapping.TypeTimestamp,
	model.Bool:      mapping.TypeBoolean,
	model.Decimal:   mapping.TypeDecimal,
}

// matches says whether chunk has the source's columns, in the physical
// types the chunk writer writes, and room for a whole batch.
func (s *rowSource) matches(chunk mapping.DataChunk) bool {
	n := len(s.columns)
	if int(mapping.DataChunkGetColumnCount(chunk)) != n || int(mapping.VectorSize()) < batchRows {
		return false
	}
	for i := range n {
		lt := mapping.VectorGetColumnType(mapping.DataChunkGetVector(chunk, mapping.IdxT(i)))
		want := mapping.TypeVarchar
		switch {
		case i == n-1:
			want = mapping.TypeBigInt
		case i < n-2:
			want = vectorTypes[s.types[i]]
		}
		ok := mapping.GetTypeId(lt) == want
		if ok && want == mapping.TypeDecimal {
			ok = mapping.DecimalWidth(lt) == 18 && mapping.DecimalScale(lt) == 2 && mapping.DecimalInternalType(lt) == mapping.TypeBigInt
		}
		mapping.DestroyLogicalType(&lt)
		if !ok {
			return false
		}
	}
	return true
}

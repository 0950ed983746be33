package ingest

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"runtime"
	"time"
	"unsafe"

	mapping "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"

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

// batchAppender stores batches of parsed rows in one table.
type batchAppender interface {
	append(b *rowBatch) error
	close() error
}

// newBatchAppender returns the vector appender when the connection allows
// it, else one that appends row by row through duckdb-go's Appender.
func newBatchAppender(dc driver.Conn, t *model.Table, label string) (batchAppender, error) {
	if raw, ok := rawConnection(dc); ok {
		va, err := newVectorAppender(raw, t, label)
		if err == nil {
			return va, nil
		}
		if !errors.Is(err, errVectorLayout) {
			return nil, err
		}
	}
	app, err := duckdb.NewAppenderFromConn(dc, "", t.Name)
	if err != nil {
		return nil, err
	}
	return &rowAppender{app: app, label: []byte(label), row: make([]driver.Value, len(t.Columns)+2)}, nil
}

// rowAppender appends row by row: one cgo call per value. It is the
// fallback when the vector appender cannot be used.
type rowAppender struct {
	app   *duckdb.Appender
	label []byte
	row   []driver.Value
}

func (a *rowAppender) append(b *rowBatch) error {
	for i := range b.n {
		for ci := range b.cols {
			a.row[ci] = b.cols[ci].driverValue(i)
		}
		a.row[len(b.cols)] = a.label
		a.row[len(b.cols)+1] = b.nums[i]
		if err := a.app.AppendRow(a.row...); err != nil {
			return fmt.Errorf("row %d: %w", b.nums[i], err)
		}
	}
	return nil
}

func (a *rowAppender) close() error { return a.app.Close() }

// driverValue is row i of c as duckdb-go's Appender takes it.
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

// textValue hands a string to the appender as bytes that share its memory:
// the appender would otherwise copy every string into a new []byte before
// DuckDB copies it once more into its vector. Nothing writes to these bytes.
func textValue(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// errVectorLayout says the vector appender does not fit this table or
// driver version; the row appender is used instead.
var errVectorLayout = errors.New("vector appender not available")

// rawConnection is the DuckDB C connection under a duckdb-go connection.
// duckdb-go does not export it; it is read by reflection, checked against
// the field's type, so that a duckdb-go version that changes its Conn makes
// the loader fall back to the row appender instead of failing.
func rawConnection(dc driver.Conn) (mapping.Connection, bool) {
	v := reflect.ValueOf(dc)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return mapping.Connection{}, false
	}
	f := v.Elem().FieldByName("conn")
	if !f.IsValid() || f.Type() != reflect.TypeFor[mapping.Connection]() {
		return mapping.Connection{}, false
	}
	c := *(*mapping.Connection)(unsafe.Pointer(f.UnsafeAddr()))
	return c, c.Ptr != nil
}

// vectorAppender fills a DuckDB data chunk column by column, writing the
// values straight into the vectors' memory, and appends whole chunks: a few
// cgo calls per chunk instead of one per value. Strings longer than DuckDB
// inlines (12 bytes) point into arena, which stays pinned while DuckDB
// copies the chunk.
type vectorAppender struct {
	app    mapping.Appender
	chunk  mapping.DataChunk
	types  []mapping.LogicalType
	label  string
	arena  []byte
	pinner runtime.Pinner
}

// The DuckDB types the vector appender writes, per canonical type.
var vectorTypes = map[model.Type]mapping.Type{
	model.Text:      mapping.TypeVarchar,
	model.BSN:       mapping.TypeVarchar,
	model.Enum:      mapping.TypeVarchar,
	model.Date:      mapping.TypeDate,
	model.Timestamp: mapping.TypeTimestamp,
	model.Bool:      mapping.TypeBoolean,
	model.Decimal:   mapping.TypeDecimal,
}

func newVectorAppender(conn mapping.Connection, t *model.Table, label string) (*vectorAppender, error) {
	a := &vectorAppender{label: label}
	if mapping.AppenderCreateExt(conn, "", "", t.Name, &a.app) == mapping.StateError {
		err := errors.New(mapping.AppenderError(a.app))
		mapping.AppenderDestroy(&a.app)
		return nil, err
	}
	if err := a.checkTypes(t); err != nil {
		a.destroy()
		return nil, err
	}
	a.chunk = mapping.CreateDataChunk(a.types)
	return a, nil
}

// checkTypes makes sure the table's columns are the canonical ones followed
// by _file and _row, in the physical types the appender writes.
func (a *vectorAppender) checkTypes(t *model.Table) error {
	n := int(mapping.AppenderColumnCount(a.app))
	for i := range n {
		a.types = append(a.types, mapping.AppenderColumnType(a.app, mapping.IdxT(i)))
	}
	if n != len(t.Columns)+2 {
		return errVectorLayout
	}
	for i, c := range t.Columns {
		lt := a.types[i]
		if mapping.GetTypeId(lt) != vectorTypes[c.Type] {
			return errVectorLayout
		}
		if c.Type == model.Decimal && (mapping.DecimalWidth(lt) != 18 || mapping.DecimalScale(lt) != 2 || mapping.DecimalInternalType(lt) != mapping.TypeBigInt) {
			return errVectorLayout
		}
	}
	if mapping.GetTypeId(a.types[n-2]) != mapping.TypeVarchar || mapping.GetTypeId(a.types[n-1]) != mapping.TypeBigInt {
		return errVectorLayout
	}
	if batchRows > int(mapping.VectorSize()) {
		return errVectorLayout
	}
	return nil
}

func (a *vectorAppender) append(b *rowBatch) error {
	if b.n == 0 {
		return nil
	}
	a.reserveArena(b)
	if len(a.arena) > 0 {
		a.pinner.Pin(&a.arena[0])
	}
	defer a.pinner.Unpin()
	off := 0
	for ci := range b.cols {
		col := &b.cols[ci]
		data, mask := a.vector(ci)
		for i := range b.n {
			if col.null[i] {
				setNull(mask, i)
				continue
			}
			switch col.typ {
			case model.Text, model.BSN, model.Enum:
				off = a.putString(data, i, col.str[i], off)
			case model.Date:
				*(*int32)(unsafe.Add(data, 4*i)) = int32(col.num[i])
			case model.Bool:
				*(*bool)(unsafe.Add(data, i)) = col.num[i] != 0
			default: // timestamp, decimal(18,2)
				*(*int64)(unsafe.Add(data, 8*i)) = col.num[i]
			}
		}
	}
	data, _ := a.vector(len(b.cols))
	for i := range b.n {
		off = a.putString(data, i, a.label, off)
	}
	data, _ = a.vector(len(b.cols) + 1)
	copy(unsafe.Slice((*int64)(data), b.n), b.nums[:b.n])
	mapping.DataChunkSetSize(a.chunk, mapping.IdxT(b.n))
	state := mapping.AppendDataChunk(a.app, a.chunk)
	mapping.DataChunkReset(a.chunk)
	if state == mapping.StateError {
		return errors.New(mapping.AppenderError(a.app))
	}
	return nil
}

// vector returns the data and the (writable) validity mask of column ci.
func (a *vectorAppender) vector(ci int) (data, mask unsafe.Pointer) {
	vec := mapping.DataChunkGetVector(a.chunk, mapping.IdxT(ci))
	mapping.VectorEnsureValidityWritable(vec)
	return mapping.VectorGetData(vec), mapping.VectorGetValidity(vec)
}

// inlineLen is the longest string DuckDB keeps inside its 16-byte string_t.
const inlineLen = 12

// reserveArena makes the arena large enough for every long string of b, so
// that it does not move while the chunk points into it.
func (a *vectorAppender) reserveArena(b *rowBatch) {
	need := 0
	if len(a.label) > inlineLen {
		need = b.n * len(a.label)
	}
	for ci := range b.cols {
		for i, s := range b.cols[ci].str[:min(b.n, len(b.cols[ci].str))] {
			if len(s) > inlineLen && !b.cols[ci].null[i] {
				need += len(s)
			}
		}
	}
	if need > len(a.arena) {
		a.arena = make([]byte, need+need/4)
	}
}

// putString writes s as DuckDB's string_t at row i of a VARCHAR vector:
// length, then the bytes inline (zero-padded) or a 4-byte prefix and a
// pointer to a copy in the arena at off. It returns the new arena offset.
func (a *vectorAppender) putString(data unsafe.Pointer, i int, s string, off int) int {
	slot := (*[16]byte)(unsafe.Add(data, 16*i))
	*slot = [16]byte{}
	*(*uint32)(unsafe.Pointer(slot)) = uint32(len(s))
	if len(s) <= inlineLen {
		copy(slot[4:], s)
		return off
	}
	copy(slot[4:8], s)
	n := copy(a.arena[off:], s)
	*(*unsafe.Pointer)(unsafe.Pointer(&slot[8])) = unsafe.Pointer(&a.arena[off])
	return off + n
}

// setNull marks row i invalid in a validity mask (one bit per row, set when
// valid).
func setNull(mask unsafe.Pointer, i int) {
	word := (*uint64)(unsafe.Add(mask, 8*(i/64)))
	*word &^= 1 << (i % 64)
}

func (a *vectorAppender) close() error {
	defer a.destroy()
	if mapping.AppenderClose(a.app) == mapping.StateError {
		return errors.New(mapping.AppenderError(a.app))
	}
	return nil
}

func (a *vectorAppender) destroy() {
	if a.chunk.Ptr != nil {
		mapping.DestroyDataChunk(&a.chunk)
	}
	for i := range a.types {
		mapping.DestroyLogicalType(&a.types[i])
	}
	mapping.AppenderDestroy(&a.app)
}

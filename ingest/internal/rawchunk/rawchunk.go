// Package rawchunk is avgaudit's one place of reflection and unsafe access
// into the DuckDB driver: it reaches the C data chunk under duckdb-go's
// DataChunk (an unexported field, read by reflection and checked against
// its type) and writes values straight into its vectors' memory, a few cgo
// calls per chunk instead of one per value. When a duckdb-go version
// changes what this relies on, Of says so and the loader falls back to
// duckdb-go's public DataChunk.SetValue (slower, the same tables);
// TestOf fails then, so the change does not go unnoticed.
package rawchunk

import (
	"reflect"
	"unsafe"

	mapping "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Of is the DuckDB chunk under c, or false when duckdb-go's DataChunk no
// longer holds one where this package looks.
func Of(c *duckdb.DataChunk) (mapping.DataChunk, bool) {
	f := reflect.ValueOf(c).Elem().FieldByName("chunk")
	if !f.IsValid() || f.Type() != reflect.TypeFor[mapping.DataChunk]() {
		return mapping.DataChunk{}, false
	}
	raw := *(*mapping.DataChunk)(unsafe.Pointer(f.UnsafeAddr()))
	return raw, raw.Ptr != nil
}

// Vector is the memory of one column of a chunk: its values and its
// validity mask.
type Vector struct{ data, mask unsafe.Pointer }

// Column returns column ci of chunk, its validity mask made writable.
func Column(chunk mapping.DataChunk, ci int) Vector {
	vec := mapping.DataChunkGetVector(chunk, mapping.IdxT(ci))
	mapping.VectorEnsureValidityWritable(vec)
	return Vector{mapping.VectorGetData(vec), mapping.VectorGetValidity(vec)}
}

// SetNull marks row i invalid (one bit per row, set when valid).
func (v Vector) SetNull(i int) {
	word := (*uint64)(unsafe.Add(v.mask, 8*(i/64)))
	*word &^= 1 << (i % 64)
}

// SetInt32 sets row i of an INTEGER or DATE (days since 1970) column.
func (v Vector) SetInt32(i int, x int32) { *(*int32)(unsafe.Add(v.data, 4*i)) = x }

// SetBool sets row i of a BOOLEAN column.
func (v Vector) SetBool(i int, x bool) { *(*bool)(unsafe.Add(v.data, i)) = x }

// SetInt64 sets row i of a BIGINT, TIMESTAMP (microseconds) or
// DECIMAL(18,x) column.
func (v Vector) SetInt64(i int, x int64) { *(*int64)(unsafe.Add(v.data, 8*i)) = x }

// CopyInt64 sets the first len(xs) rows of a BIGINT column.
func (v Vector) CopyInt64(xs []int64) { copy(unsafe.Slice((*int64)(v.data), len(xs)), xs) }

// InlineLen is the longest string DuckDB keeps inside its 16-byte string_t.
const InlineLen = 12

// SetString writes s as DuckDB's string_t at row i of a VARCHAR column:
// length, then the bytes inline (zero-padded) or a 4-byte prefix and a
// pointer to a copy in arena. It returns how many bytes of arena it used
// (0 for an inlined string). A string longer than InlineLen needs len(s)
// bytes of arena, which must stay pinned (runtime.Pinner) and unchanged
// until DuckDB has copied the chunk.
func (v Vector) SetString(i int, s string, arena []byte) int {
	slot := (*[16]byte)(unsafe.Add(v.data, 16*i))
	*slot = [16]byte{}
	*(*uint32)(unsafe.Pointer(slot)) = uint32(len(s))
	if len(s) <= InlineLen {
		copy(slot[4:], s)
		return 0
	}
	copy(slot[4:8], s)
	n := copy(arena, s)
	*(*unsafe.Pointer)(unsafe.Pointer(&slot[8])) = unsafe.Pointer(&arena[0])
	return n
}

// Bytes hands a string to duckdb-go as bytes that share its memory: it
// would otherwise copy every string into a new []byte before DuckDB copies
// it once more into its vector. Nothing may write to these bytes.
func Bytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

package results

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
)

// List is a check's findings wherever they are kept: in memory (Slice) or
// in a Store (Segment). At returns the i-th, 0 ≤ i < Len().
type List interface {
	Len() int
	At(i int) Finding
}

// Slice is a list of findings held in memory.
type Slice []Finding

// Len counts the findings.
func (s Slice) Len() int { return len(s) }

// At returns the i-th finding.
func (s Slice) At(i int) Finding { return s[i] }

// Store keeps the findings of a run out of memory: encoded, one after
// another, in a file of its own in a private folder, and read back one at
// a time. Peak memory so does not grow with the number of findings: what
// a run holds of them is a Segment per check, 8 bytes a finding.
type Store struct {
	mu   sync.Mutex
	f    *os.File
	w    *bufio.Writer
	size int64 // bytes written, buffered or not
	// block caches the last part of the file read: findings are mostly
	// read one after the other.
	block   []byte
	blockAt int64
	lastEnd int64 // where the last finding read ends
	err     error // the first write error; the store is then unusable
	closed  bool
}

// NewStore makes a store in a new file in dir (the system's temporary
// folder when ""). Close removes it; a store no longer referenced is
// removed too, when the garbage collector finds it.
func NewStore(dir string) (*Store, error) {
	f, err := os.CreateTemp(dir, "avgaudit-findings-*.bin")
	if err != nil {
		return nil, fmt.Errorf("findings store: %w", err)
	}
	s := &Store{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	runtime.AddCleanup(s, func(f *os.File) {
		name := f.Name()
		_ = f.Close()
		_ = os.Remove(name)
	}, f)
	return s, nil
}

// Close closes and removes the store's file. Its segments can no longer
// be read. Closing twice does nothing.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	name := s.f.Name()
	err := s.f.Close()
	if rerr := os.Remove(name); err == nil && !errors.Is(rerr, os.ErrNotExist) {
		err = rerr
	}
	return err
}

// Segment is a list of findings in a store, in the order they were added.
// It is never changed: Check.Update writes a new one.
type Segment struct {
	s    *Store
	offs []int64 // where each finding starts; the last ends at end
	end  int64
	// Counts made as the findings were added (see Check.tally).
	open, newer, persisting int
}

// Len counts the findings.
func (g *Segment) Len() int { return len(g.offs) }

// At returns the i-th finding. It panics when the store is closed or its
// file cannot be read, which only a programming error (a run's findings
// read after Run.Close) or a broken disk can cause.
func (g *Segment) At(i int) Finding {
	end := g.end
	if i+1 < len(g.offs) {
		end = g.offs[i+1]
	}
	f, err := g.s.read(g.offs[i], end)
	if err != nil {
		panic(fmt.Sprintf("findings store: read finding %d: %v", i, err))
	}
	return f
}

var errClosed = errors.New("findings store: closed")

// SegmentWriter adds findings to a new segment of a store.
type SegmentWriter struct {
	s   *Store
	seg *Segment
	buf []byte
}

// NewSegment starts a segment. Its findings are added with Add and it is
// read after Done.
func (s *Store) NewSegment() *SegmentWriter {
	return &SegmentWriter{s: s, seg: &Segment{s: s}}
}

// Store is the store the segment is written to.
func (w *SegmentWriter) Store() *Store { return w.s }

// Add appends f to the segment.
func (w *SegmentWriter) Add(f *Finding) error {
	w.buf = appendFinding(w.buf[:0], f)
	s := w.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if s.closed {
		return errClosed
	}
	w.seg.offs = append(w.seg.offs, s.size)
	if _, err := s.w.Write(w.buf); err != nil {
		s.err = fmt.Errorf("findings store: %w", err)
		return s.err
	}
	s.size += int64(len(w.buf))
	w.seg.end = s.size
	if f.Open() {
		w.seg.open++
	}
	switch f.Trend {
	case TrendNew:
		w.seg.newer++
	case TrendPersisting:
		w.seg.persisting++
	}
	return nil
}

// Done ends the segment and returns it.
func (w *SegmentWriter) Done() (*Segment, error) {
	s := w.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return nil, s.err
	}
	if err := s.w.Flush(); err != nil {
		s.err = fmt.Errorf("findings store: %w", err)
		return nil, s.err
	}
	if len(w.seg.offs) == 0 {
		w.seg.end = 0
	}
	w.seg.offs = append([]int64(nil), w.seg.offs...) // no slack
	return w.seg, nil
}

// read decodes the finding in [from, to).
func (s *Store) read(from, to int64) (Finding, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Finding{}, errClosed
	}
	n := to - from
	if from < s.blockAt || to > s.blockAt+int64(len(s.block)) {
		size := n // a finding out of order: itself only
		if from == s.lastEnd {
			size = max(n, 64<<10) // the next one: read ahead
		}
		if cap(s.block) < int(size) {
			s.block = make([]byte, size)
		}
		s.block = s.block[:size]
		m, err := s.f.ReadAt(s.block, from)
		if err != nil && !errors.Is(err, io.EOF) {
			return Finding{}, err
		}
		if int64(m) < n {
			return Finding{}, io.ErrUnexpectedEOF
		}
		s.block, s.blockAt = s.block[:m], from
	}
	s.lastEnd = to
	return decodeFinding(s.block[from-s.blockAt : to-s.blockAt])
}

// appendFinding appends the encoding of f to b: every field, strings as
// their length and bytes, Values and Acceptance with a mark for nil.
func appendFinding(b []byte, f *Finding) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(f.Key)
	str(f.System)
	str(f.Table)
	str(f.RecordKey)
	str(f.File)
	b = binary.AppendVarint(b, int64(f.Row))
	str(f.Message.NL)
	str(f.Message.EN)
	if f.Values == nil {
		b = binary.AppendUvarint(b, 0)
	} else {
		b = binary.AppendUvarint(b, uint64(len(f.Values))+1)
		for _, v := range f.Values {
			str(v)
		}
	}
	str(f.Location)
	str(f.Group)
	str(f.ChildName)
	str(f.Subject)
	str(f.Trend)
	if f.Acceptance == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		str(f.Acceptance.ID)
		str(f.Acceptance.Status)
		str(f.Acceptance.ExpiresOn)
	}
	return b
}

var errCorrupt = errors.New("corrupt finding")

// decodeFinding reads a finding appendFinding wrote. Its texts share one
// string, the record's: one allocation rather than one a field.
func decodeFinding(record []byte) (Finding, error) {
	var f Finding
	rec := string(record)
	b := record
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return v
	}
	str := func() string {
		n := uv()
		if bad || n > uint64(len(b)) {
			bad = true
			return ""
		}
		at := len(record) - len(b)
		b = b[n:]
		return rec[at : at+int(n)]
	}
	f.Key = str()
	f.System = str()
	f.Table = str()
	f.RecordKey = str()
	f.File = str()
	row, n := binary.Varint(b)
	if n <= 0 {
		return f, errCorrupt
	}
	b = b[n:]
	f.Row = int(row)
	f.Message.NL = str()
	f.Message.EN = str()
	if nv := uv(); nv > 0 && !bad {
		if nv-1 > uint64(len(b)) {
			return f, errCorrupt
		}
		f.Values = make([]string, nv-1)
		for i := range f.Values {
			f.Values[i] = str()
		}
	}
	f.Location = str()
	f.Group = str()
	f.ChildName = str()
	f.Subject = str()
	f.Trend = str()
	if bad || len(b) == 0 {
		return f, errCorrupt
	}
	acc := b[0]
	b = b[1:]
	if acc == 1 {
		f.Acceptance = &FindingAcceptance{ID: str(), Status: str(), ExpiresOn: str()}
	}
	if bad || len(b) != 0 {
		return f, errCorrupt
	}
	return f, nil
}

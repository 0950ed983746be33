package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// csvRows reads all records of data with r and describes each: its line,
// its cells or the lines a bad row spans. Blank records are left out, as
// csvReader.Next does.
func csvRows(next func() (int, []string, error)) []string {
	var out []string
	for {
		line, cells, err := next()
		if errors.Is(err, io.EOF) {
			return out
		}
		var bad *badRowError
		switch {
		case errors.As(err, &bad):
			out = append(out, fmt.Sprintf("%d: bad row to line %d: %v", line, bad.LastLine, bad.Err))
		case err != nil:
			return append(out, fmt.Sprintf("error: %v", err))
		default:
			out = append(out, fmt.Sprintf("%d: %q", line, cells))
		}
	}
}

// referenceNext reads data with encoding/csv alone, as csvReader did before
// it split lines itself.
func referenceNext(data []byte, delim rune) func() (int, []string, error) {
	cr := csv.NewReader(bufio.NewReaderSize(bytes.NewReader(data), 64*1024))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return func() (int, []string, error) {
		for {
			rec, err := cr.Read()
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return pe.StartLine, nil, &badRowError{Line: pe.StartLine, LastLine: pe.Line, Err: pe.Err}
				}
				return 0, nil, err
			}
			line, _ := cr.FieldPos(0)
			if !isBlank(rec) {
				return line, rec, nil
			}
		}
	}
}

func checkSplit(t *testing.T, data []byte, delim rune) {
	t.Helper()
	r, err := newCSVReader(bytes.NewReader(data), delim)
	if err != nil {
		t.Fatal(err)
	}
	// The reference reads the same text: decoded from UTF-16, without BOM.
	ref, err := newCSVReader(bytes.NewReader(data), delim)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(ref.br)
	if err != nil {
		t.Fatal(err)
	}
	got, want := csvRows(r.Next), csvRows(referenceNext(text, delim))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("input %q (delimiter %q):\ngot\n%s\nwant (encoding/csv)\n%s", data, delim, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCSVSplit compares the reader's own splitting with encoding/csv on
// the cases where they could part: quotes after plain lines (line numbers),
// line breaks inside quotes, broken quotes, \r, blank lines, no final line
// break, a line longer than the buffer.
func TestCSVSplit(t *testing.T) {
	long := strings.Repeat("x", 70*1024)
	for _, data := range []string{
		"a;b\n1;2\n",
		"a;b\r\n1;2\r\n\r\n\r\n3;4",
		"a;b\n1;\"2\n3\"\n4;5\n\"6\";\"7\"\"8\"\n9;10",
		"a;b\n1;\"2\r\n\r\n3\";x\n4;5\n",
		"a;b\n1;2\"x\n3;4\n",
		"a;b\n1;\"2\"x;y\n3;4\n",
		"a;b\n1;\"unterminated\n3;4\n5;6\n",
		"a;b\n\n\n;\n ; \n1;2\r",
		"a;b\r\r\n1;\r2\n",
		"\"a\";\"b\"\n1;2\n",
		"a;b\n" + long + ";1\n2;3\n",
		"a;b\n\"" + long + "\n\";1\n2;3\n",
		"",
		"\n\n",
		"\r",
		"\ufeffa;b\n1;2",
		"\xff\xfea\x00;\x00b\x00\n\x001\x00;\x00\"\x002\x00\"\x00",
	} {
		checkSplit(t, []byte(data), ';')
	}
	checkSplit(t, []byte("a\tb\n1\t\"2\"\n3\t4"), '\t')
	checkSplit(t, []byte("a€b\n1€2\n"), '€')
}

// FuzzCSVSplit checks that the reader gives the same rows, line numbers and
// bad rows as encoding/csv for any input.
func FuzzCSVSplit(f *testing.F) {
	for _, s := range []string{"a;b\n1;\"2\n3\"\n4;5", "a;b\r\n\r\n1;2\"\n", "\"x\n", "a,b\n\"1\"\"\",2\r\n"} {
		f.Add([]byte(s), byte(';'))
	}
	f.Fuzz(func(t *testing.T, data []byte, d byte) {
		delim := rune(";,\t|"[int(d)%4])
		checkSplit(t, data, delim)
	})
}

// BenchmarkCSVSplit reads a 100,000-line export with the reader and with
// encoding/csv alone.
func BenchmarkCSVSplit(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("photo_id;portal_child_id;posted_at;group_name;posted_by;removed_at\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "F%07d;P%05d;%02d-%02d-2025 %02d:%02d;Rupsjes;Medewerker %d;\n", i, i%5000, i%28+1, i%12+1, i%24, i%60, i%40)
	}
	data := []byte(sb.String())
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r, err := newCSVReader(bytes.NewReader(data), ';')
			if err != nil {
				b.Fatal(err)
			}
			for _, _, err := r.Next(); err == nil; _, _, err = r.Next() {
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			next := referenceNext(data, ';')
			for _, _, err := next(); err == nil; _, _, err = next() {
			}
		}
	})
}

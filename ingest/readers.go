package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rowReader yields the rows of one table in an export, numbered as the user
// sees them: the line in a text file, the row in a sheet.
type rowReader interface {
	// Next returns the next non-empty row and its number; io.EOF at the end.
	Next() (row int, cells []string, err error)
	// Kind says whether cells are raw workbook values or text.
	Workbook() bool
}

// csvReader reads delimited text.
type csvReader struct {
	r *csv.Reader
}

const utf8BOM = "\ufeff"

// newCSVReader reads delimited text from r. When delim is 0 it is sniffed
// from the first line: the candidate (; , tab |) seen most often outside quotes.
func newCSVReader(r io.Reader, delim rune) (*csvReader, error) {
	br := bufio.NewReaderSize(r, 64*1024)
	if b, err := br.Peek(3); err == nil && string(b) == utf8BOM {
		_, _ = br.Discard(3)
	}
	if delim == 0 {
		first, err := peekLine(br)
		if err != nil {
			return nil, err
		}
		delim = sniffDelimiter(first)
	}
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvReader{r: cr}, nil
}

// peekLine returns the first line without consuming it (at most 64 KiB).
func peekLine(br *bufio.Reader) (string, error) {
	for n := 512; ; n *= 2 {
		b, err := br.Peek(n)
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return string(b[:i]), nil
		}
		if err != nil { // short file or line longer than the buffer
			if errors.Is(err, io.EOF) || errors.Is(err, bufio.ErrBufferFull) {
				return string(b), nil
			}
			return "", err
		}
	}
}

// sniffDelimiter picks the most frequent candidate outside quotes, preferring
// the order ; , tab | on ties (Dutch Excel writes semicolons).
func sniffDelimiter(line string) rune {
	candidates := []rune{';', ',', '\t', '|'}
	counts := map[rune]int{}
	inQuotes := false
	for _, c := range line {
		if c == '"' {
			inQuotes = !inQuotes
			continue
		}
		if !inQuotes {
			counts[c]++
		}
	}
	best := ','
	bestN := 0
	for _, c := range candidates {
		if counts[c] > bestN {
			best, bestN = c, counts[c]
		}
	}
	return best
}

func (c *csvReader) Workbook() bool { return false }

func (c *csvReader) Next() (int, []string, error) {
	for {
		rec, err := c.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return pe.StartLine, nil, fmt.Errorf("line %d: %w", pe.StartLine, pe.Err)
			}
			return 0, nil, err
		}
		line, _ := c.r.FieldPos(0)
		if isBlank(rec) {
			continue
		}
		return line, rec, nil
	}
}

// sheetReader reads one worksheet with raw cell values (dates come as serial
// numbers and are converted by the column's type, which is ~6× faster than
// letting excelize format every cell).
type sheetReader struct {
	rows *excelize.Rows
	row  int
}

func newSheetReader(f *excelize.File, sheet string) (*sheetReader, error) {
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, fmt.Errorf("the workbook has no sheet %q; its sheets are: %s", sheet, strings.Join(quoteAll(f.GetSheetList()), ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return &sheetReader{rows: rows}, nil
}

func (s *sheetReader) Workbook() bool { return true }

func (s *sheetReader) Next() (int, []string, error) {
	for s.rows.Next() {
		s.row++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return s.row, nil, fmt.Errorf("row %d: %w", s.row, err)
		}
		if isBlank(cells) {
			continue
		}
		return s.row, cells, nil
	}
	if err := s.rows.Error(); err != nil {
		return s.row, nil, err
	}
	_ = s.rows.Close()
	return 0, nil, io.EOF
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

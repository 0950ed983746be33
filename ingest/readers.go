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
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
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
// UTF-8 with or without BOM is read as is, UTF-16 with a BOM (Excel's
// "Unicode-tekst") is decoded; cells in Windows-1252 are repaired later.
func newCSVReader(r io.Reader, delim rune) (*csvReader, error) {
	br := bufio.NewReaderSize(r, 64*1024)
	if b, err := br.Peek(2); err == nil && (string(b) == "\xff\xfe" || string(b) == "\xfe\xff") {
		utf16 := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, utf16), 64*1024)
	}
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
	// Strict quotes: with lazy quotes a single unclosed quote swallows the
	// rest of the file into one field without a word. Strictly, a broken
	// row is reported (badRowError) and reading goes on after it.
	cr.LazyQuotes = false
	cr.ReuseRecord = true
	return &csvReader{r: cr}, nil
}

// peekLine returns the first line with content (not blank, not only
// delimiters) without consuming anything; it looks at most 64 KiB ahead.
func peekLine(br *bufio.Reader) (string, error) {
	b, err := br.Peek(br.Size())
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", err
	}
	lines := bytes.Split(b, []byte("\n"))
	for _, l := range lines {
		if len(bytes.Trim(l, " \t\r;,|")) > 0 {
			return string(l), nil
		}
	}
	if len(lines) > 0 {
		return string(lines[0]), nil
	}
	return "", nil
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

// badRowError is a row that could not be split into cells; the reader
// goes on with the next row, the loader rejects this one.
type badRowError struct {
	Line, LastLine int
	Err            error
}

func (e *badRowError) Error() string {
	if errors.Is(e.Err, csv.ErrQuote) || errors.Is(e.Err, csv.ErrBareQuote) {
		msg := `a quote (") in this row is not closed properly; put the whole value in quotes and double every quote inside it ("")`
		if e.LastLine > e.Line {
			msg += fmt.Sprintf("; lines %d to %d could not be read", e.Line, e.LastLine)
		}
		return msg
	}
	return fmt.Sprintf("the row cannot be read: %v", e.Err)
}

func (c *csvReader) Next() (int, []string, error) {
	for {
		rec, err := c.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return pe.StartLine, nil, &badRowError{Line: pe.StartLine, LastLine: pe.Line, Err: pe.Err}
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

package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// rowReader yields the rows of one table in an export, numbered as the user
// sees them: the line in a text file, the row in a sheet.
type rowReader interface {
	// Next returns the next non-empty row and its number; io.EOF at the end.
	Next() (row int, cells []string, err error)
	// Kind says whether cells are raw workbook values or text.
	Workbook() bool
}

// csvReader reads delimited text. Lines without a double quote, by far the
// most common, are split by the reader itself, a few times faster than
// encoding/csv; a line with a quote (quoted values, a line break inside
// quotes, a broken quote) is read by encoding/csv, which also finds what is
// wrong with it. Both give the same cells and line numbers (FuzzCSVSplit).
type csvReader struct {
	br    *bufio.Reader
	r     *csv.Reader
	delim rune // the delimiter given or sniffed
	fast  bool // delim is one byte the reader can split on itself
	rec   []string
	// line is the number of lines read so far; csvLine how many of them
	// encoding/csv read, which numbers its lines from its own first one.
	line, csvLine int

	textBlocks // the text of lines split so far
}

const utf8BOM = "\ufeff"

// newCSVReader reads delimited text from r. When delim is 0 it is sniffed
// from the start of the text (see sniffDelimiter).
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
		sample, err := sniffSample(br)
		if err != nil {
			return nil, err
		}
		delim = sniffDelimiter(sample)
	}
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	// Strict quotes: with lazy quotes a single unclosed quote swallows the
	// rest of the file into one field without a word. Strictly, a broken
	// row is reported (badRowError) and reading goes on after it.
	cr.LazyQuotes = false
	cr.ReuseRecord = true
	fast := delim < utf8.RuneSelf && delim != '"' && delim != '\r' && delim != '\n'
	return &csvReader{br: br, r: cr, delim: delim, fast: fast}, nil
}

// sniffSample returns up to 64 KiB of the text ahead without consuming it.
func sniffSample(br *bufio.Reader) (string, error) {
	b, err := br.Peek(br.Size())
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", err
	}
	return string(b), nil
}

// delimiters are the candidates, in order of preference on a tie (Dutch
// Excel writes semicolons).
var delimiters = []rune{';', ',', '\t', '|'}

// sniffLines is how many records with content the sniffer looks at.
const sniffLines = 20

// sniffDelimiter picks the delimiter of delimited text from a sample of its
// start. Per record with content (not blank, not only delimiters; a line
// break inside double quotes does not end a record) it counts each
// candidate outside double quotes, and picks the candidate that occurs the
// same number of times in the most records, then the one occurring most
// often. Single quotes are not quotes: they occur in names ('s-Hertogenbosch,
// D'Souza), and no spreadsheet writes them around values.
func sniffDelimiter(sample string) rune {
	counts := recordCounts(sample)
	best, bestFreq, bestN := ',', 0, 0
	for ci, c := range delimiters {
		freq, n := mode(counts, ci)
		if n > 0 && (freq > bestFreq || freq == bestFreq && n > bestN) {
			best, bestFreq, bestN = c, freq, n
		}
	}
	return best
}

// recordCounts counts, for up to sniffLines records with content, each
// candidate delimiter outside quotes.
func recordCounts(sample string) [][]int {
	var out [][]int
	cur := make([]int, len(delimiters))
	content, inQuotes := false, false
	flush := func() {
		if content {
			out = append(out, cur)
		}
		cur, content = make([]int, len(delimiters)), false
	}
	for _, r := range sample {
		switch {
		case r == '"':
			inQuotes = !inQuotes
			content = true
		case inQuotes:
		case r == '\n':
			flush()
			if len(out) == sniffLines {
				return out
			}
		default:
			if i := slices.Index(delimiters, r); i >= 0 {
				cur[i]++
			} else if r != '\r' && r != ' ' {
				content = true
			}
		}
	}
	flush()
	return out
}

// mode returns the most frequent non-zero count of candidate ci over the
// records, and how many records have it; the larger count wins a tie.
func mode(counts [][]int, ci int) (freq, n int) {
	seen := map[int]int{}
	for _, rec := range counts {
		if c := rec[ci]; c > 0 {
			seen[c]++
			if seen[c] > freq || seen[c] == freq && c > n {
				freq, n = seen[c], c
			}
		}
	}
	return freq, n
}

func (c *csvReader) Workbook() bool { return false }

// badRowError is a row that could not be split into cells; the reader
// goes on with the next row, the loader rejects this one.
type badRowError struct {
	Line, LastLine int
	Err            error
	// NotRecord says the row was read but is no record (a totals row):
	// Err is the whole reason.
	NotRecord bool
}

func (e *badRowError) Error() string { return e.reason().EN }

// Dutch returns the message in Dutch (see values.Dutch).
func (e *badRowError) Dutch() string { return e.reason().NL }

func (e *badRowError) reason() results.Text {
	if e.NotRecord {
		return results.Text{NL: values.Dutch(e.Err), EN: e.Err.Error()}
	}
	if errors.Is(e.Err, csv.ErrQuote) || errors.Is(e.Err, csv.ErrBareQuote) {
		r := results.Text{
			NL: `een aanhalingsteken (") in deze rij is niet goed afgesloten; zet de hele waarde tussen aanhalingstekens en schrijf elk aanhalingsteken in de waarde dubbel ("")`,
			EN: `a quote (") in this row is not closed properly; put the whole value in quotes and double every quote inside it ("")`,
		}
		if e.LastLine > e.Line {
			r.NL += fmt.Sprintf("; de regels %d tot en met %d konden niet worden gelezen", e.Line, e.LastLine)
			r.EN += fmt.Sprintf("; lines %d to %d could not be read", e.Line, e.LastLine)
		}
		return r
	}
	return results.Text{
		NL: fmt.Sprintf("de rij kan niet worden gelezen: %v", e.Err),
		EN: fmt.Sprintf("the row cannot be read: %v", e.Err),
	}
}

func (c *csvReader) Next() (int, []string, error) {
	for {
		line, rec, err := c.record()
		if err != nil {
			return line, nil, err
		}
		if isBlank(rec) {
			continue
		}
		return line, rec, nil
	}
}

// record reads the next record: split by the reader itself when its line
// holds no quote, else by encoding/csv.
func (c *csvReader) record() (int, []string, error) {
	for c.fast {
		line, ok, err := c.peekLine()
		if err != nil {
			return 0, nil, err
		}
		if !ok || bytes.IndexByte(line, '"') >= 0 {
			break
		}
		_, _ = c.br.Discard(len(line))
		c.line++
		content := trimLineBreak(line)
		if len(content) == 0 {
			continue // encoding/csv skips empty lines too
		}
		c.rec = splitLine(c.rec[:0], c.copyString(content), byte(c.delim))
		return c.line, c.rec, nil
	}
	return c.csvRecord()
}

// peekLine returns the next line with its line break, without reading it;
// ok is false when it is longer than the buffer. At the end of the text it
// returns io.EOF.
func (c *csvReader) peekLine() (line []byte, ok bool, err error) {
	b, _ := c.br.Peek(c.br.Buffered())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], true, nil
	}
	b, err = c.br.Peek(c.br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], true, nil
	}
	switch {
	case err == nil || errors.Is(err, bufio.ErrBufferFull):
		return nil, false, nil // a full buffer without a line break
	case errors.Is(err, io.EOF) && len(b) > 0:
		return b, true, nil // the last line, without a line break
	}
	return nil, false, err
}

// trimLineBreak drops the line break (\n or \r\n) from the end of a line;
// without one (the last line) a trailing \r, as encoding/csv does.
func trimLineBreak(line []byte) []byte {
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		n--
	}
	if n > 0 && line[n-1] == '\r' {
		n--
	}
	return line[:n]
}

// textBlock is the size of the first block textBlocks copies text into;
// each next block is twice as large as the one before, up to maxTextBlock
// (or the text's length).
const (
	textBlock    = 64 * 1024
	maxTextBlock = 4 << 20
)

// textBlocks copies the text of cells into blocks of memory, one
// allocation for many cells: a reader's cells are strings in these blocks.
// Bytes once written are not changed until the block is handed back
// (swapText), so the strings stay valid as long as their rows are used.
// (A string kept longer, such as a reject's value, is cloned.)
type textBlocks struct{ text []byte }

// copyString returns a copy of b as a string in the current block.
func (t *textBlocks) copyString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > cap(t.text)-len(t.text) {
		t.text = make([]byte, 0, max(textBlock, min(2*cap(t.text), maxTextBlock), len(b)))
	}
	start := len(t.text)
	t.text = append(t.text, b...)
	return unsafe.String(&t.text[start], len(b))
}

// swapText makes the reader copy the next cells into buf (from its start)
// and returns the block it copied cells into so far. The loader gives each
// batch of rows a block of its own and hands it back once the batch is
// stored, so that text is not copied into new memory again and again:
// whoever passes a block in must be done with every string in it.
func (t *textBlocks) swapText(buf []byte) []byte {
	old := t.text
	t.text = buf
	return old
}

// splitLine appends the cells of one line without quotes to dst. The cells
// share the memory of s: one allocation per line.
func splitLine(dst []string, s string, delim byte) []string {
	for {
		i := strings.IndexByte(s, delim)
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// csvRecord reads one record with encoding/csv and numbers it in the file.
func (c *csvReader) csvRecord() (int, []string, error) {
	offset := c.line - c.csvLine // encoding/csv's line l is line l+offset
	rec, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.csvLine = pe.Line // the rest of that line was read with it
			c.line = c.csvLine + offset
			return pe.StartLine + offset, nil, &badRowError{Line: pe.StartLine + offset, LastLine: pe.Line + offset, Err: pe.Err}
		}
		return 0, nil, err
	}
	start, _ := c.r.FieldPos(0)
	last, _ := c.r.FieldPos(len(rec) - 1)
	c.csvLine = last + strings.Count(rec[len(rec)-1], "\n") // a value's line breaks are the file's
	c.line = c.csvLine + offset
	return start + offset, rec, nil
}

// sheetReader reads one worksheet with raw cell values (dates come as serial
// numbers and are converted by the column's type, which is ~6× faster than
// letting excelize format every cell).
type sheetReader struct {
	rows *excelize.Rows
	row  int
}

func newSheetReader(f *excelize.File, sheet string) (*sheetReader, error) {
	if sheet == "" {
		// A workbook of one sheet needs no sheet: in the manifest.
		list := f.GetSheetList()
		if len(list) != 1 {
			return nil, vocab.Errorf("de werkmap heeft %d bladen: zet `sheet:` in het manifest met het blad dat ingelezen moet worden (%s)", "the workbook has %d sheets: add `sheet:` to the manifest with the one to load (%s)", len(list), strings.Join(quoteAll(list), ", "))
		}
		sheet = list[0]
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, vocab.Errorf("de werkmap heeft geen blad %q; de bladen zijn: %s", "the workbook has no sheet %q; its sheets are: %s", sheet, strings.Join(quoteAll(f.GetSheetList()), ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, vocab.Wrapf(err, "blad %q", "sheet %q", sheet)
	}
	return &sheetReader{rows: rows}, nil
}

func (s *sheetReader) Workbook() bool { return true }

func (s *sheetReader) Next() (int, []string, error) {
	for s.rows.Next() {
		s.row++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return s.row, nil, vocab.Wrapf(err, "rij %d", "row %d", s.row)
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

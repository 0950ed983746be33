package ingest

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Excel exports often start with a title ("Kinderen per 01-09-2026"), a
// note or a blank row before the real header, and people paste a second
// table under or next to the first. The header reader finds the header row
// by reading a few rows ahead, and refuses a sheet that holds more than one
// table instead of loading the second table's header and rows as data.

// headerLookahead is how many non-blank rows are read ahead to find the header.
const headerLookahead = 30

// typeSampleRows is how many data rows decide which columns hold dates or
// numbers (used to recognise a second table's header further down).
const typeSampleRows = 200

// bufferedRow is a row read ahead, or the error reading it gave.
type bufferedRow struct {
	num   int
	cells []string
	err   error
}

// headerReader passes the rows of src on from the header row: rows above
// the header are skipped, row numbers stay those of the file.
type headerReader struct {
	src       rowReader
	buf       []bufferedRow // the header row first, then the rows read ahead
	above     []bufferedRow // the rows above the header (titles, notes)
	header    []string
	headerRow int
	last      int // number of the last row passed on
	// Second-table detection.
	stats    []columnStats
	sampled  int
	afterGap int  // first row after blank rows below the data, 0 if none pending
	gapFrom  int  // first blank row of that gap
	titled   bool // a single-cell row followed the gap
}

// columnStats counts the kinds of value seen in one column.
type columnStats struct{ typed, text int }

// detectHeader reads ahead in src and returns a reader whose first row is
// the header. A header row that holds two tables side by side is an
// *InputError naming the columns.
func detectHeader(src rowReader, label string) (rowReader, error) {
	h := &headerReader{src: src}
	rows := h.readAhead()
	start := findHeaderRow(rows)
	h.above, h.buf = rows[:start], rows[start:]
	if len(h.buf) == 0 || h.buf[0].err != nil {
		return h, nil
	}
	h.header, h.headerRow = h.buf[0].cells, h.buf[0].num
	if err := sideBySide(h.buf, src.Workbook()); err != nil {
		return nil, &InputError{File: label, Row: h.buf[0].num, Err: err}
	}
	h.stats = make([]columnStats, len(h.header))
	return h, nil
}

// readAhead buffers up to headerLookahead rows (stopping at the first
// error that is not a bad row, which is passed on in its turn).
func (h *headerReader) readAhead() []bufferedRow {
	var rows []bufferedRow
	for len(rows) < headerLookahead {
		num, cells, err := h.src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		rows = append(rows, bufferedRow{num: num, cells: append([]string(nil), cells...), err: err})
		var bad *badRowError
		if err != nil && !errors.As(err, &bad) {
			break
		}
	}
	return rows
}

// findHeaderRow picks the first row that looks like column names: at least
// two cells, all text (no dates or numbers), as wide as most rows below it
// and wider than any row of two or more cells above it. Titles and notes
// above a table are narrower than nearly every row below them; a few rows
// with a note beside the table (or a stray delimiter) do not make the
// header a note; metadata such as "Peildatum: 01-09-2026" holds a date. When no row qualifies (an export without a header, whose
// rows are data from the first) the first row is the header, and the column
// check explains what is wrong with it.
func findHeaderRow(rows []bufferedRow) int {
	edgeAbove := -1 // the widest row of two or more cells so far
	for i, r := range rows {
		if r.err != nil && i == 0 {
			return 0 // the loader reports the unreadable first row
		}
		if r.err != nil {
			continue // a row that cannot be read is no header
		}
		edge := lastFilled(r.cells)
		if filled(r.cells) < 2 {
			continue
		}
		widest := edge > edgeAbove
		edgeAbove = max(edgeAbove, edge)
		if !widest || !allText(r.cells) {
			continue
		}
		wider, following := 0, 0
		for _, below := range rows[i+1:] {
			if below.err == nil {
				following++
				if lastFilled(below.cells) > edge {
					wider++
				}
			}
		}
		if wider*2 <= following {
			return i
		}
	}
	return 0
}

// sideBySide refuses a header row made of two blocks of column names with
// a column between them that is empty in the header and in every row read
// ahead: two tables next to each other.
func sideBySide(rows []bufferedRow, workbook bool) error {
	header := rows[0].cells
	left := 0
	for j := 0; j < len(header); j++ {
		if strings.TrimSpace(header[j]) != "" {
			left++
			continue
		}
		if left < 2 || !emptyColumn(rows, j) {
			continue
		}
		right := filled(header[j+1:])
		if right < 2 {
			return nil
		}
		first := j + 1
		for strings.TrimSpace(header[first]) == "" {
			first++
		}
		return vocab.Errorf("de kopregel bevat twee tabellen naast elkaar: kolommen %s (%s) en kolommen %s (%s), met de lege kolom %s ertussen; zet elke tabel op een eigen blad of in een eigen bestand, of verwijder, als het één tabel is, de lege kolom %[5]s",
			"the header row holds two tables side by side: columns %s (%s) and columns %s (%s), with column %s empty between them; put each table on its own sheet or in its own file, or, if it is one table, delete the empty column %[5]s",
			columnSpan(0, j-1, workbook), strings.Join(quoteAll(trimAll(header[:j])), ", "),
			columnSpan(first, lastFilled(header), workbook), strings.Join(quoteAll(trimAll(header[first:])), ", "),
			columnName(j, workbook))
	}
	return nil
}

func emptyColumn(rows []bufferedRow, j int) bool {
	for _, r := range rows {
		if r.err == nil && j < len(r.cells) && strings.TrimSpace(r.cells[j]) != "" {
			return false
		}
	}
	return true
}

// columnName names column j (0-based) as the user sees it: a letter in a
// workbook, a number in delimited text.
func columnName(j int, workbook bool) string {
	if !workbook {
		return strconv.Itoa(j + 1)
	}
	name := ""
	for n := j + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}

func columnSpan(from, to int, workbook bool) string {
	return columnName(from, workbook) + "-" + columnName(to, workbook)
}

func (h *headerReader) Workbook() bool { return h.src.Workbook() }

// swapText is the source's (see textBlocks.swapText); the rows read ahead
// are in a block of their own.
func (h *headerReader) swapText(buf []byte) []byte {
	if t, ok := h.src.(textSwapper); ok {
		return t.swapText(buf)
	}
	return nil
}

// Next returns the header row, then every following row. A header-like row
// after blank rows below the data is the start of a second table: an error.
func (h *headerReader) Next() (int, []string, error) {
	var num int
	var cells []string
	var err error
	if len(h.buf) > 0 {
		r := h.buf[0]
		h.buf = h.buf[1:]
		num, cells, err = r.num, r.cells, r.err
	} else {
		num, cells, err = h.src.Next()
	}
	if err != nil || h.header == nil {
		return num, cells, err
	}
	if h.last > 0 {
		if err := h.checkSecondTable(num, cells); err != nil {
			return num, nil, err
		}
	}
	h.last = num
	if num != h.headerRow {
		if label, ok := totalsRow(cells); ok {
			return num, nil, &badRowError{Line: num, LastLine: num, NotRecord: true,
				Err: &values.Error{
					NL: fmt.Sprintf("%q begint een totaalregel, geen record, en wordt daarom niet ingelezen; haal de regel uit de export om deze melding te voorkomen", label),
					EN: fmt.Sprintf("%q starts a totals row, not a record, so it is not loaded; delete the row from the export to silence this", label),
				}}
		}
	}
	return num, cells, nil
}

// totalsWords begin the footer rows exports add below the data
// ("Totaal: 12 kinderen", "Aantal", "Total").
var totalsWords = []string{"eindtotaal", "subtotaal", "totaal", "aantal", "grand total", "subtotal", "total", "count"}

// totalsRow reports whether cells are a totals row: the first filled cell
// begins with a totals word, every other filled cell is a number or date.
// It returns that first cell.
func totalsRow(cells []string) (string, bool) {
	label := ""
	for _, c := range cells {
		if label == "" && !mayStartTotals(c) {
			return "", false
		}
		c = strings.TrimSpace(text(c))
		switch {
		case c == "":
		case label == "":
			if !startsWithWord(c, totalsWords) {
				return "", false
			}
			label = c
		case !typedValue(c):
			return "", false
		}
	}
	return label, label != ""
}

// mayStartTotals is a quick look at a cell before the first filled one is
// found: false when it begins, after spaces, with an ASCII character no
// totals word begins with (most data rows), true when it may be blank or
// a totals word.
func mayStartTotals(c string) bool {
	c = trimASCIISpace(c)
	if c == "" || c[0] >= utf8.RuneSelf {
		return true
	}
	switch c[0] | 0x20 { // lower case, for letters
	case 'e', 's', 't', 'a', 'g', 'c':
		return true
	}
	return false
}

// startsWithWord reports whether s begins with one of words (lower-case
// ASCII), in any case, followed by the end of s or a character that is not
// a letter. It allocates nothing: it runs on every data row.
func startsWithWord(s string, words []string) bool {
	for _, w := range words {
		if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
			continue
		}
		rest := s[len(w):]
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// checkSecondTable watches the rows below the header: after blank rows
// (a jump in row numbers), a text-only row whose cells repeat the header's
// names or hold text where the data so far had only dates and numbers is a
// new header: two such cells, or one when a title row precedes it.
func (h *headerReader) checkSecondTable(num int, cells []string) error {
	if num > h.last+1 && h.afterGap == 0 && h.last != h.headerRow {
		h.afterGap, h.gapFrom, h.titled = num, h.last+1, false
	}
	if h.afterGap == 0 {
		h.sample(cells)
		return nil
	}
	if filled(cells) < 2 {
		h.titled = true // a title (or a lone value): look at the next row
		return nil
	}
	gapFrom, gapTo := h.gapFrom, h.afterGap-1
	h.afterGap = 0
	signals := h.headerSignals(cells)
	if !allText(cells) || signals == 0 || (signals < 2 && !h.titled) {
		h.sample(cells)
		return nil
	}
	blank := vocab.Textf("rij %d is leeg", "row %d is blank", gapFrom)
	if gapTo > gapFrom {
		blank = vocab.Textf("rijen %d-%d zijn leeg", "rows %d-%d are blank", gapFrom, gapTo)
	}
	return vocab.Errorf("hier begint een tweede tabel (%s): %s; de kopregel van de tabel is rij %d. Zet elke tabel op een eigen blad of in een eigen bestand, of verwijder de rijen die niet bij deze tabel horen",
		"a second table starts here (%s): %s; the table's header is row %d. Put each table on its own sheet or in its own file, or delete the rows that do not belong to this table",
		blank, strings.Join(quoteAll(trimAll(cells)), ", "), h.headerRow)
}

// sample counts, in the first data rows, which columns hold dates or numbers.
func (h *headerReader) sample(cells []string) {
	if h.sampled >= typeSampleRows {
		return
	}
	h.sampled++
	for j := 0; j < len(cells) && j < len(h.stats); j++ {
		switch c := strings.TrimSpace(cells[j]); {
		case c == "":
		case typedValue(c):
			h.stats[j].typed++
		default:
			h.stats[j].text++
		}
	}
}

// headerSignals counts the cells that look like column names of a new
// table: equal to a name in this table's header, or text in a column that
// held only dates or numbers (in at least two data rows) so far.
func (h *headerReader) headerSignals(cells []string) int {
	names := map[string]bool{}
	for _, c := range h.header {
		if c = strings.ToLower(text(c)); c != "" {
			names[c] = true
		}
	}
	n := 0
	for j, c := range cells {
		c = strings.ToLower(text(c))
		if c == "" {
			continue
		}
		typedColumn := j < len(h.stats) && h.stats[j].typed >= 2 && h.stats[j].text == 0
		if names[c] || typedColumn {
			n++
		}
	}
	return n
}

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

func lastFilled(cells []string) int {
	for j := len(cells) - 1; j >= 0; j-- {
		if strings.TrimSpace(cells[j]) != "" {
			return j
		}
	}
	return -1
}

// allText reports whether no filled cell is a date or a number.
func allText(cells []string) bool {
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" && typedValue(c) {
			return false
		}
	}
	return true
}

// typedValue reports whether a cell holds a date or a number (also a raw
// workbook value: a serial date is a number).
func typedValue(c string) bool {
	if strings.Trim(c, "0123456789.,-+€ ") == "" && strings.ContainsAny(c, "0123456789") {
		return true
	}
	_, err := values.ParseDate(c)
	return err == nil
}

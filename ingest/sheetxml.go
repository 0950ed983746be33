package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"github.com/avgaudit/avgaudit/vocab"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xlsxFile is an .xlsx workbook read straight from its zip: the sheet
// list, the shared strings and the date system from the workbook parts,
// and each worksheet streamed row by row (sheetXMLReader). It reads only
// what the loader needs (cell values as excelize's raw values, no styles),
// several times faster than excelize's row iterator and in memory flat in
// the number of rows (only the shared strings are held).
type xlsxFile struct {
	zr       *zip.Reader
	closer   io.Closer
	sheets   []xlsxSheet
	sstPath  string
	sst      []string
	sstRead  bool
	date1904 bool
}

type xlsxSheet struct{ name, path string }

// Limits against hostile workbooks: the sizes of the parts read whole, and
// the length of one row's XML.
const (
	maxWorkbookPart = 64 << 20
	maxSharedBytes  = 1 << 30
	maxRowXML       = 64 << 20
)

// openXLSX reads the workbook structure of the zip r (size bytes).
func openXLSX(r io.ReaderAt, size int64) (*xlsxFile, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	x := &xlsxFile{zr: zr}
	wbPath := "xl/workbook.xml"
	if rels, err := x.readPart("_rels/.rels"); err == nil {
		for _, rel := range parseRels(rels) {
			if strings.HasSuffix(rel.typ, "/officeDocument") {
				wbPath = resolveTarget("", rel.target)
			}
		}
	}
	wb, err := x.readPart(wbPath)
	if err != nil {
		return nil, vocab.Wrapf(err, "geen werkmap-onderdeel (is het bestand een Excel-werkmap?)", "no workbook part (is the file an Excel workbook?)")
	}
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	relData, err := x.readPart(relsPath)
	if err != nil {
		return nil, vocab.Wrapf(err, "geen relaties in de werkmap (is het bestand beschadigd?)", "no workbook relationships (is the file damaged?)")
	}
	targets := map[string]string{}
	for _, rel := range parseRels(relData) {
		t := resolveTarget(path.Dir(wbPath), rel.target)
		targets[rel.id] = t
		if strings.HasSuffix(rel.typ, "/sharedStrings") {
			x.sstPath = t
		}
	}
	sc := newXMLScanner(bytes.NewReader(wb))
	for {
		tag, err := sc.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, vocab.Wrapf(err, "werkmap", "workbook")
		}
		if tag.end {
			continue
		}
		switch tag.name {
		case "sheet":
			name, _ := tag.attr("name")
			id, _ := tag.attr("id") // r:id
			x.sheets = append(x.sheets, xlsxSheet{name: unescapeXML(name), path: targets[unescapeXML(id)]})
		case "workbookPr":
			v, _ := tag.attr("date1904")
			x.date1904 = v == "1" || v == "true"
		}
	}
	if len(x.sheets) == 0 {
		return nil, vocab.Errorf("de werkmap noemt geen bladen", "the workbook lists no sheets")
	}
	return x, nil
}

// readPart reads a whole (small) zip part.
func (x *xlsxFile) readPart(name string) ([]byte, error) {
	f, err := x.zr.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxWorkbookPart+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxWorkbookPart {
		return nil, vocab.Errorf("%s: groter dan %d MiB", "%s: larger than %d MiB", name, maxWorkbookPart>>20)
	}
	return data, nil
}

// close releases the file the workbook was opened from.
func (x *xlsxFile) close() error {
	if x.closer != nil {
		return x.closer.Close()
	}
	return nil
}

// sheetNames lists the sheets in workbook order.
func (x *xlsxFile) sheetNames() []string {
	out := make([]string, len(x.sheets))
	for i, s := range x.sheets {
		out[i] = s.name
	}
	return out
}

// sharedStrings reads the shared-string table once.
func (x *xlsxFile) sharedStrings() ([]string, error) {
	if x.sstRead || x.sstPath == "" {
		return x.sst, nil
	}
	f, err := x.zr.Open(x.sstPath)
	if err != nil {
		if errors.Is(err, io.EOF) || strings.Contains(err.Error(), "not exist") {
			x.sstRead = true
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	sc := newXMLScanner(io.LimitReader(f, maxSharedBytes))
	var sst []string
	var text []byte
	inSI, inT, phonetic := false, false, 0
	for {
		tag, err := sc.nextCollect(inT && phonetic == 0, &text)
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, vocab.Wrapf(err, "gedeelde teksten", "shared strings")
		}
		switch tag.name {
		case "si":
			if tag.end {
				if inSI {
					sst = append(sst, bstrUnescape(string(text)))
				}
				inSI = false
			} else if tag.selfClosing {
				sst = append(sst, "")
			} else {
				inSI, text = true, text[:0]
			}
		case "t":
			inT = inSI && !tag.end && !tag.selfClosing
		case "rPh":
			if !tag.selfClosing {
				if tag.end {
					phonetic--
				} else {
					phonetic++
				}
			}
		}
	}
	x.sst, x.sstRead = sst, true
	return sst, nil
}

// sheet opens the named sheet (case-insensitive, as Excel) for reading;
// without a name the workbook's only sheet.
func (x *xlsxFile) sheet(name string) (*sheetXMLReader, error) {
	if name == "" {
		// A workbook of one sheet needs no sheet: in the manifest.
		if len(x.sheets) != 1 {
			return nil, vocab.Errorf("de werkmap heeft %d bladen: zet `sheet:` in het manifest met het blad dat ingelezen moet worden (%s)", "the workbook has %d sheets: add `sheet:` to the manifest with the one to load (%s)", len(x.sheets), strings.Join(quoteAll(x.sheetNames()), ", "))
		}
		name = x.sheets[0].name
	}
	for _, s := range x.sheets {
		if !strings.EqualFold(s.name, name) {
			continue
		}
		sst, err := x.sharedStrings()
		if err != nil {
			return nil, err
		}
		if s.path == "" {
			return nil, vocab.Errorf("blad %q: geen werkblad-onderdeel", "sheet %q: no worksheet part", name)
		}
		f, err := x.zr.Open(s.path)
		if err != nil {
			return nil, vocab.Wrapf(err, "blad %q", "sheet %q", name)
		}
		return &sheetXMLReader{sc: newXMLScanner(f), closer: f, sst: sst}, nil
	}
	return nil, vocab.Errorf("de werkmap heeft geen blad %q; de bladen zijn: %s", "the workbook has no sheet %q; its sheets are: %s", name, strings.Join(quoteAll(x.sheetNames()), ", "))
}

// sheetXMLReader reads one worksheet's rows with the values excelize gives
// with RawCellValue: shared and inline strings resolved, numbers, dates
// and booleans as written (dates as serial numbers), formulas by their
// cached value. Blank rows are skipped; row numbers are the sheet's.
type sheetXMLReader struct {
	sc     *xmlScanner
	closer io.Closer
	sst    []string
	row    int
	cells  []string
	text   []byte
	done   bool

	textBlocks // the values of cells other than shared strings
}

func (s *sheetXMLReader) Workbook() bool { return true }

// Next returns the next row with a non-blank cell.
func (s *sheetXMLReader) Next() (int, []string, error) {
	for !s.done {
		cells, err := s.nextRow()
		if err != nil {
			if errors.Is(err, io.EOF) {
				s.finish()
				break
			}
			return s.row, nil, vocab.Wrapf(err, "rij %d", "row %d", s.row+1)
		}
		if cells == nil || isBlank(cells) {
			continue
		}
		return s.row, cells, nil
	}
	return 0, nil, io.EOF
}

func (s *sheetXMLReader) finish() {
	s.done = true
	if s.closer != nil {
		_ = s.closer.Close()
		s.closer = nil
	}
}

// nextRow reads up to and including the next </row>; nil cells for an
// empty row.
func (s *sheetXMLReader) nextRow() ([]string, error) {
	// Find <row>.
	for {
		tag, err := s.sc.next()
		if err != nil {
			return nil, err
		}
		if tag.name == "sheetData" && tag.end {
			return nil, io.EOF
		}
		if tag.name != "row" || tag.end {
			continue
		}
		if n := atoiBytes(tag.attrBytes("r")); n > 0 {
			s.row = n
		} else {
			s.row++
		}
		if tag.selfClosing {
			return nil, nil
		}
		break
	}
	s.cells = s.cells[:0]
	col := 0
	var (
		inCell, inValue, inInline, inT bool
		hasF, hasV                     bool
		typ                            string
		phonetic                       int
	)
	for {
		collect := (inValue || (inInline && inT && phonetic == 0))
		tag, err := s.sc.nextCollect(collect, &s.text)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		switch tag.name {
		case "row":
			if tag.end {
				return s.cells, nil
			}
			return nil, vocab.Errorf("een rij binnen een rij", "a row inside a row")
		case "c":
			if tag.end {
				if inCell {
					s.addCell(col, typ, hasF, hasV)
				}
				inCell = false
				continue
			}
			col++
			ref, hasRef, t, _ := tag.attrPair("r", "t")
			if hasRef {
				c, err := columnOf(ref)
				if err != nil {
					return nil, err
				}
				col = c
			}
			typ = cellType(t)
			hasF, hasV, inInline, inValue, inT, phonetic = false, false, false, false, false, 0
			s.text = s.text[:0]
			inCell = !tag.selfClosing
			if !inCell {
				continue
			}
			if ok, inline := s.plainValue(); ok {
				// The rest of the cell read at once: what the tags one
				// by one would give.
				if inline {
					typ = "inlineStr"
				}
				s.addCell(col, typ, false, true)
				inCell = false
			}
		case "v":
			if inCell && !inInline {
				inValue = !tag.end && !tag.selfClosing
				hasV = true
				if !tag.end {
					s.text = s.text[:0]
				}
			}
		case "f":
			if inCell {
				hasF = true
			}
		case "is":
			if inCell {
				inInline = !tag.end && !tag.selfClosing
				if !tag.end {
					s.text = s.text[:0]
					typ = "inlineStr"
					hasV = true
				}
			}
		case "t":
			inT = inInline && !tag.end && !tag.selfClosing
		case "rPh":
			if !tag.selfClosing {
				if tag.end {
					phonetic--
				} else {
					phonetic++
				}
			}
		}
	}
}

// readPlainValues is false only in a test that reads cells tag by tag.
var readPlainValues = true

// plainValue reads, right after a cell's start tag, the most common rests
// of a cell, <v>value</v></c> and <is><t>text</t></is></c> (an inline
// string), when the buffer holds all of it: the value (unescaped) into
// s.text; inline is true for the inline string. Anything else (a formula,
// rich text, a prefix, white space, a comment, the buffer's end) is left
// to the tags one by one.
func (s *sheetXMLReader) plainValue() (ok, inline bool) {
	if !readPlainValues {
		return false, false
	}
	b := s.sc.buf[s.sc.pos:s.sc.end]
	var open, closing string
	switch {
	case bytes.HasPrefix(b, []byte("<v>")):
		open, closing = "<v>", "</v></c>"
	case bytes.HasPrefix(b, []byte("<is><t>")):
		open, closing, inline = "<is><t>", "</t></is></c>", true
	case bytes.HasPrefix(b, []byte(`<is><t xml:space="preserve">`)):
		open, closing, inline = `<is><t xml:space="preserve">`, "</t></is></c>", true
	default:
		return false, false
	}
	value := b[len(open):]
	i := bytes.IndexByte(value, '<')
	if i < 0 || !bytes.HasPrefix(value[i:], []byte(closing)) {
		return false, false
	}
	s.text = appendUnescaped(s.text[:0], value[:i])
	s.sc.pos += len(open) + i + len(closing)
	return true, inline
}

// addCell appends the value of the cell just read at column col (1-based),
// as excelize's raw value; a cell with neither a value nor a formula is
// left out, and the row padded with empty cells up to col.
func (s *sheetXMLReader) addCell(col int, typ string, hasF, hasV bool) {
	v := ""
	if hasV {
		switch typ {
		case "s":
			if i, ok := digits(bytes.TrimSpace(s.text)); ok && i < len(s.sst) {
				v = s.sst[i]
			}
		case "inlineStr":
			v = bstrUnescape(s.copyString(s.text))
		default:
			v = s.copyString(s.text)
		}
	}
	if v == "" && !hasF {
		return
	}
	// A cell left of one read already is appended, as excelize does.
	for len(s.cells) < col-1 {
		s.cells = append(s.cells, "")
	}
	s.cells = append(s.cells, v)
}

// atoiBytes is the positive number in b (an attribute value), or 0 when
// there is none (absent, empty, not a number, too long).
func atoiBytes(b []byte, ok bool) int {
	if !ok {
		return 0
	}
	n, _ := digits(b)
	return n
}

// digits is the number b spells in at most nine decimal digits.
func digits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// cellType returns a cell's t attribute without allocating for the usual ones.
func cellType(t []byte) string {
	switch string(t) {
	case "":
		return ""
	case "s":
		return "s"
	case "n":
		return "n"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "d":
		return "d"
	case "e":
		return "e"
	}
	return string(t)
}

// columnOf is the column number (1-based) of a cell reference like "AB12".
func columnOf(ref []byte) (int, error) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			goto digits
		}
		if col > 16384 {
			return 0, vocab.Errorf("celverwijzing %q: kolom voorbij XFD", "cell reference %q: column beyond XFD", ref)
		}
	}
digits:
	if col == 0 || i == len(ref) {
		return 0, vocab.Errorf("celverwijzing %q is geen celnaam", "cell reference %q is not a cell name", ref)
	}
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return 0, vocab.Errorf("celverwijzing %q is geen celnaam", "cell reference %q is not a cell name", ref)
		}
	}
	return col, nil
}

// xmlTag is one tag: its local name (prefix dropped), whether it is an end
// tag or self-closing, and its raw attribute text.
type xmlTag struct {
	name        string
	end         bool
	selfClosing bool
	attrs       []byte
}

// attr returns the raw (still escaped) value of the attribute with the
// local name key.
func (t xmlTag) attr(key string) (string, bool) {
	v, ok := t.attrBytes(key)
	return string(v), ok
}

// attrBytes is attr without a copy.
func (t xmlTag) attrBytes(key string) ([]byte, bool) {
	a := t.attrs
	for {
		name, value, rest, ok := nextAttr(a)
		if !ok {
			return nil, false
		}
		if string(name) == key {
			return value, true
		}
		a = rest
	}
}

// attrPair is attrBytes for two keys, in one pass over the attributes.
func (t xmlTag) attrPair(key1, key2 string) (v1 []byte, ok1 bool, v2 []byte, ok2 bool) {
	a := t.attrs
	for !ok1 || !ok2 {
		name, value, rest, ok := nextAttr(a)
		if !ok {
			break
		}
		switch {
		case !ok1 && string(name) == key1:
			v1, ok1 = value, true
		case !ok2 && string(name) == key2:
			v2, ok2 = value, true
		}
		a = rest
	}
	return v1, ok1, v2, ok2
}

// nextAttr reads the first attribute of a: its local name and raw value,
// and what follows it; false when there is none or it is malformed.
func nextAttr(a []byte) (name, value, rest []byte, ok bool) {
	// Skip white space, then read the name up to '='.
	i := 0
	for i < len(a) && (a[i] == ' ' || a[i] == '\t' || a[i] == '\r' || a[i] == '\n') {
		i++
	}
	a = a[i:]
	eq := bytes.IndexByte(a, '=')
	if eq < 0 {
		return nil, nil, nil, false
	}
	name = a[:eq]
	for len(name) > 0 && (name[len(name)-1] == ' ' || name[len(name)-1] == '\t' || name[len(name)-1] == '\r' || name[len(name)-1] == '\n') {
		name = name[:len(name)-1]
	}
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	rest = a[eq+1:]
	for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r' || rest[0] == '\n') {
		rest = rest[1:]
	}
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return nil, nil, nil, false
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return nil, nil, nil, false
	}
	return name, rest[1 : 1+end], rest[end+2:], true
}

// xmlScanner is a minimal XML tokenizer over a stream: it returns tags and,
// when asked, collects the (unescaped) character data before them. It
// skips comments, processing instructions and doctypes, and reads CDATA as
// text. It does not check well-formedness beyond what the readers need.
type xmlScanner struct {
	r     io.Reader
	buf   []byte
	pos   int
	end   int
	eof   bool
	err   error
	reads int
}

// newXMLScanner starts with a small buffer; fill grows it for a long stream.
func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 4<<10)}
}

// streamBuffer is the buffer size for a long stream (a worksheet).
const streamBuffer = 256 << 10

// fill reads more input, keeping buf[pos:end]; false at the end.
func (s *xmlScanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		copy(s.buf, s.buf[s.pos:s.end])
		s.end -= s.pos
		s.pos = 0
	}
	s.reads++
	if s.reads == 16 && len(s.buf) < streamBuffer {
		nb := make([]byte, streamBuffer)
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxRowXML {
			s.err = vocab.Errorf("een XML-element langer dan %d MiB", "an XML element longer than %d MiB", maxRowXML>>20)
			s.eof = true
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[s.end:])
	s.end += n
	if err != nil {
		s.eof = true
		if !errors.Is(err, io.EOF) {
			s.err = err
		}
	}
	return n > 0 || !s.eof
}

func (s *xmlScanner) next() (xmlTag, error) { return s.nextCollect(false, nil) }

// nextCollect returns the next tag; with collect, the character data
// before it is unescaped and appended to *text.
func (s *xmlScanner) nextCollect(collect bool, text *[]byte) (xmlTag, error) {
	for {
		// Character data up to '<'.
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			if collect {
				// Keep a partial entity for the next round.
				chunk := s.buf[s.pos:s.end]
				keep := 0
				if amp := bytes.LastIndexByte(chunk, '&'); amp >= 0 && bytes.IndexByte(chunk[amp:], ';') < 0 && len(chunk)-amp < 12 {
					keep = len(chunk) - amp
				}
				*text = appendUnescaped(*text, chunk[:len(chunk)-keep])
				s.pos = s.end - keep
			} else {
				s.pos = s.end
			}
			if !s.fill() {
				if s.err != nil {
					return xmlTag{}, s.err
				}
				return xmlTag{}, io.EOF
			}
			continue
		}
		if collect {
			*text = appendUnescaped(*text, s.buf[s.pos:s.pos+i])
		}
		s.pos += i
		// A whole tag: up to '>' outside quotes.
		for {
			tagEnd, special := s.tagEnd()
			if tagEnd >= 0 {
				body := s.buf[s.pos+1 : tagEnd]
				s.pos = tagEnd + 1
				switch special {
				case 0:
				case '!':
					if collect && bytes.HasPrefix(body, []byte("![CDATA[")) {
						*text = append(*text, body[8:len(body)-2]...)
					}
					goto again
				case '?':
					goto again
				}
				return parseTag(body), nil
			}
			if !s.fill() {
				if s.err != nil {
					return xmlTag{}, s.err
				}
				return xmlTag{}, io.ErrUnexpectedEOF
			}
		}
	again:
	}
}

// tagEnd finds the end of the tag at buf[pos] ('<'): the index of its '>'
// (comments and CDATA to their closing "-->" and "]]>"), or -1 if the
// buffer does not hold all of it. special is '!' or '?' for those that are
// not elements.
func (s *xmlScanner) tagEnd() (int, byte) {
	b := s.buf[s.pos:s.end]
	if len(b) < 2 {
		return -1, 0
	}
	switch b[1] {
	case '!':
		var closer string
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			closer = "-->"
		case bytes.HasPrefix(b, []byte("<![CDATA[")):
			closer = "]]>"
		case len(b) < 9:
			return -1, 0
		default:
			closer = ">"
		}
		j := bytes.Index(b[2:], []byte(closer))
		if j < 0 {
			return -1, 0
		}
		return s.pos + 2 + j + len(closer) - 1, '!'
	case '?':
		j := bytes.Index(b, []byte("?>"))
		if j < 0 {
			return -1, 0
		}
		return s.pos + j + 1, '?'
	}
	var quote byte
	for j := 1; j < len(b); j++ {
		c := b[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return s.pos + j, 0
		}
	}
	return -1, 0
}

// parseTag splits a tag's body (between '<' and '>').
func parseTag(body []byte) xmlTag {
	var t xmlTag
	if len(body) > 0 && body[0] == '/' {
		t.end = true
		body = body[1:]
	}
	if n := len(body); n > 0 && body[n-1] == '/' {
		t.selfClosing = true
		body = body[:n-1]
	}
	nameStart, nameEnd := 0, len(body)
	for i, c := range body {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			nameEnd = i
			break
		}
		if c == ':' {
			nameStart = i + 1
		}
	}
	t.name = internName(body[nameStart:nameEnd])
	t.attrs = body[nameEnd:]
	return t
}

// internName returns the tag names the readers look at without allocating.
func internName(b []byte) string {
	switch string(b) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "row":
		return "row"
	case "f":
		return "f"
	case "t":
		return "t"
	case "is":
		return "is"
	case "si":
		return "si"
	case "r":
		return "r"
	case "rPh":
		return "rPh"
	case "sheetData":
		return "sheetData"
	}
	return string(b)
}

// appendUnescaped appends XML character data with its entity and character
// references resolved (an unknown or broken reference is kept as it is).
func appendUnescaped(dst, src []byte) []byte {
	for {
		i := bytes.IndexByte(src, '&')
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(dst, src[:i]...)
		src = src[i:]
		j := bytes.IndexByte(src, ';')
		if j < 0 || j > 10 {
			dst = append(dst, '&')
			src = src[1:]
			continue
		}
		ent := src[1:j]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var r uint64
			var err error = errors.New("no")
			if len(ent) > 1 && ent[0] == '#' {
				if ent[1] == 'x' || ent[1] == 'X' {
					r, err = strconv.ParseUint(string(ent[2:]), 16, 32)
				} else {
					r, err = strconv.ParseUint(string(ent[1:]), 10, 32)
				}
			}
			if err != nil || !utf8.ValidRune(rune(r)) {
				dst = append(dst, src[:j+1]...)
			} else {
				dst = utf8.AppendRune(dst, rune(r))
			}
		}
		src = src[j+1:]
	}
}

// unescapeXML resolves the references in an attribute value.
func unescapeXML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return string(appendUnescaped(nil, []byte(s)))
}

var bstrPattern = regexp.MustCompile(`_x[a-fA-F0-9]{4}_`)

// bstrUnescape resolves Excel's _xHHHH_ escapes of characters XML cannot
// hold, as excelize does for shared and inline strings.
func bstrUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrPattern.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" || m == "_x005f_" {
			return "_"
		}
		v, err := strconv.ParseUint(m[2:6], 16, 32)
		if err != nil {
			return m
		}
		if !utf8.ValidRune(rune(v)) {
			return "" // a lone surrogate: excelize drops it
		}
		return string(rune(v))
	})
}

type xmlRel struct{ id, typ, target string }

// parseRels reads a relationships part.
func parseRels(data []byte) []xmlRel {
	var out []xmlRel
	sc := newXMLScanner(bytes.NewReader(data))
	for {
		tag, err := sc.next()
		if err != nil {
			return out
		}
		if tag.name == "Relationship" && !tag.end {
			id, _ := tag.attr("Id")
			typ, _ := tag.attr("Type")
			target, _ := tag.attr("Target")
			out = append(out, xmlRel{unescapeXML(id), unescapeXML(typ), unescapeXML(target)})
		}
	}
}

// resolveTarget is a relationship target as a zip path: absolute ("/xl/…")
// or relative to dir.
func resolveTarget(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(dir, target)), "/")
}

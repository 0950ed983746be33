package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeRows reads every sheet of the workbook at p with excelize's row
// iterator and raw values, as the loader did before the streaming reader.
func excelizeRows(t *testing.T, p string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		sr, err := newSheetReader(f, sheet)
		if err != nil {
			t.Fatal(err)
		}
		out[sheet] = readAll(t, sr)
	}
	return out
}

// readAll reads a sheet as "row number" + cells per row.
func readAll(t *testing.T, rr rowReader) [][]string {
	t.Helper()
	var rows [][]string
	for {
		n, cells, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			t.Fatalf("row %d: %v", n, err)
		}
		rows = append(rows, append([]string{string(rune('0' + n%10))}, cells...))
	}
}

// TestSheetXMLMatchesExcelize reads real workbooks (the corpus, the
// sample organisation, a check fixture, and one with every cell type the
// model meets) with the streaming reader and with excelize: the rows,
// their numbers and cells must be the same.
func TestSheetXMLMatchesExcelize(t *testing.T) {
	files := []string{
		"testdata/corpus/layout.xlsx", "testdata/corpus/libreoffice.xlsx", "testdata/corpus/several_sheets.xlsx",
		"testdata/header/workbook.xlsx",
		"../samples/org/registers/privacyregisters.xlsx", "../samples/org/konnect/konnect-export.xlsx",
		"../queries/testdata/breach_not_handled/breaches_c.xlsx",
		writeCellTypes(t),
	}
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) {
			want := excelizeRows(t, p)
			x, err := openXLSXFile(p)
			if err != nil {
				t.Fatal(err)
			}
			defer x.close()
			names := x.sheetNames()
			f, _ := excelize.OpenFile(p)
			if wantNames := f.GetSheetList(); !slices.Equal(names, wantNames) {
				t.Errorf("sheets %q, excelize %q", names, wantNames)
			}
			f.Close()
			for _, sheet := range names {
				sr, err := x.sheet(sheet)
				if err != nil {
					t.Fatal(err)
				}
				got := readAll(t, sr)
				if !slices.EqualFunc(got, want[sheet], slices.Equal) {
					t.Errorf("sheet %s:\n got  %q\n want %q", sheet, got, want[sheet])
				}
			}
		})
	}
}

// writeCellTypes writes a workbook with shared and inline strings, rich
// text, numbers, dates, booleans, formulas with cached values, errors,
// escapes, entities, gaps between cells and rows, and a blank row.
func writeCellTypes(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(s, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "naam")
	set("B1", "datum <&> \"quote\" 'apos'")
	set("D1", "bedrag")
	set("A2", "Jan\r\nde Vries")
	set("B2", 45291.5)
	set("C2", true)
	set("D2", 1234.56)
	set("A4", "tab\there_x000D_")
	if err := f.SetCellFormula(s, "D4", "D2*2"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellRichText(s, "B4", []excelize.RichTextRun{{Text: "vet "}, {Text: "en gewoon", Font: &excelize.Font{Bold: true}}}); err != nil {
		t.Fatal(err)
	}
	set("Z5", "ver weg")
	set("A6", "  ")
	set("A7", "émoji 🎈 ü")
	set("B7", int64(-42))
	if err := f.SetCellStr(s, "C7", ""); err != nil {
		t.Fatal(err)
	}
	sw2, _ := f.NewSheet("Stream")
	_ = sw2
	sw, err := f.NewStreamWriter("Stream")
	if err != nil {
		t.Fatal(err)
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 22})
	for i, row := range [][]any{
		{"id", "when", "ok", "n"},
		{"F1", excelize.Cell{StyleID: style, Value: 45292.25}, true, 3},
		{"F2 & <x>", nil, false, 2.5},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "celltypes.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSheetXMLInlineAndPrefixes reads sheet XML as other software writes
// it: a namespace prefix on every element, inline strings with phonetic
// runs, CDATA, comments, rows without numbers and cells without references.
func TestSheetXMLInlineAndPrefixes(t *testing.T) {
	xml := `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<!-- a comment with <row> in it -->` +
		`<x:row><x:c t="inlineStr"><x:is><x:t>a&amp;b</x:t></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row>` +
		`<x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">ka </x:t></x:r><x:r><x:t>na</x:t></x:r><x:rPh sb="0" eb="1"><x:t>KA</x:t></x:rPh></x:is></x:c></x:row>` +
		`<x:row><x:c t="str"><x:f>A1</x:f><x:v><![CDATA[<raw>]]></x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>9</x:v></x:c></x:row>` +
		`<x:row r="6"/><x:row r="7"><x:c r="B7"/></x:row>` +
		`<x:row r="8"><x:c r="A8"><x:f>1+1</x:f></x:c><x:c r="B8" t="b"><x:v>1</x:v></x:c><x:c r="C8" t="d"><x:v>2026-09-01T00:00:00</x:v></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	sr := &sheetXMLReader{sc: newXMLScanner(bytes.NewReader([]byte(xml))), sst: []string{"gedeeld"}}
	sr.sc.buf = make([]byte, 16) // force refills inside tags and text
	got := readAll(t, sr)
	want := [][]string{
		{"1", "a&b", "1.5"},
		{"3", "", "", "ka na"},
		{"4", "<raw>", "#N/A", "gedeeld"},
		{"8", "", "1", "2026-09-01T00:00:00"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA10": 27, "XFD1048576": 16384, "ab3": 28} {
		if got, err := columnOf([]byte(ref)); err != nil || got != want {
			t.Errorf("columnOf(%q) = %d, %v; want %d", ref, got, err, want)
		}
	}
	for _, ref := range []string{"", "1", "A", "A1B", "XFE1", "ÄB1"} {
		if _, err := columnOf([]byte(ref)); err == nil {
			t.Errorf("columnOf(%q): no error", ref)
		}
	}
}

// TestSheetXMLErrors: a truncated sheet is an error with the row, not a
// silent end; a missing sheet names the sheets there are.
func TestSheetXMLErrors(t *testing.T) {
	sr := &sheetXMLReader{sc: newXMLScanner(bytes.NewReader([]byte(`<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c><v>2`)))}
	if _, _, err := sr.Next(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sr.Next(); err == nil || errors.Is(err, io.EOF) {
		t.Errorf("truncated row: %v, want an error", err)
	}
	x, err := openXLSXFile("testdata/corpus/several_sheets.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer x.close()
	if _, err := x.sheet("Nope"); err == nil || !bytes.Contains([]byte(err.Error()), []byte(`its sheets are: "Toelichting", "Kinderen"`)) {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := openXLSX(bytes.NewReader([]byte("PK\x03\x04")), 4); err == nil {
		t.Error("a broken zip opened")
	}
}

// TestPlainValues reads a worksheet with cells of every form, at every
// offset from the scanner's buffer boundaries, with the shortcut for
// <v>value</v></c> and tag by tag: the rows must be the same.
func TestPlainValues(t *testing.T) {
	cells := []string{
		`<c r="A%d" t="s"><v>1</v></c>`,
		`<c r="B%d"><v>45291.5</v></c>`,
		`<c r="C%d" t="str"><v>a &amp; b &lt;c&gt; &#233;</v></c>`,
		`<c r="D%d"><v> 12 </v> </c>`,
		`<c r="E%d"><f>D1*2</f><v>24</v></c>`,
		`<c r="F%d" t="inlineStr"><is><t>inline</t></is></c>`,
		`<c r="M%d" t="inlineStr"><is><t xml:space="preserve"> in_x0009_line &amp; </t></is></c>`,
		`<c r="N%d" t="inlineStr"><is><r><t>rich</t></r><r><rPr><b/></rPr><t> text</t></r></is></c>`,
		`<c r="O%d" t="inlineStr"><is><t>ruby</t><rPh sb="0" eb="1"><t>r</t></rPh></is></c>`,
		`<c r="P%d" t="inlineStr"><is><t></t></is></c>`,
		`<x:c r="G%d"><x:v>7</x:v></x:c>`,
		`<c r="H%d"><v><![CDATA[x<y]]></v></c>`,
		`<c r="I%d"/>`,
		`<c r="J%d"><v></v></c>`,
		`<c r="K%d" t="b"><v>1</v></c><c r="L%d"><!-- note --><v>3</v></c>`,
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><worksheet><sheetData>`)
	for n := 1; n <= 3000; n++ {
		fmt.Fprintf(&b, `<row r="%d">`, n)
		for i := 0; i <= n%len(cells); i++ {
			c := cells[(n+i)%len(cells)]
			b.WriteString(strings.ReplaceAll(c, "%d", strconv.Itoa(n)))
		}
		b.WriteString(strings.Repeat(" ", n%7) + `</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	read := func(plain bool) [][]string {
		readPlainValues = plain
		defer func() { readPlainValues = true }()
		sr := &sheetXMLReader{sc: newXMLScanner(strings.NewReader(b.String())), sst: []string{"zero", "one"}}
		return readAll(t, sr)
	}
	got, want := read(true), read(false)
	if len(want) < 2900 {
		t.Fatalf("read %d rows tag by tag, want about 3000", len(want))
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		for i := range min(len(got), len(want)) {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("row %d: %q, tag by tag %q", i, got[i], want[i])
			}
		}
		t.Fatalf("%d rows, tag by tag %d", len(got), len(want))
	}
}

// TestAttrPair: one pass for two attributes finds what two passes find.
func TestAttrPair(t *testing.T) {
	for _, attrs := range []string{
		` r="A1" t="s"`, ` t="s" r="A1"`, ` s="1"`, ` x:r = 'B2'  x:t="str"`, ` r="A1" r="B1" t="n" t="s"`,
		` r="A1 t="s"`, ` r=A1 t="s"`, ` t="s" broken r="A1"`, ``, ` r="" t=""`, ` rr="1" tt="2" r="3"`,
	} {
		tag := xmlTag{name: "c", attrs: []byte(attrs)}
		v1, ok1, v2, ok2 := tag.attrPair("r", "t")
		w1, wok1 := tag.attrBytes("r")
		w2, wok2 := tag.attrBytes("t")
		if string(v1) != string(w1) || ok1 != wok1 || string(v2) != string(w2) || ok2 != wok2 {
			t.Errorf("attrPair(%q) = %q %v, %q %v; attrBytes: %q %v, %q %v", attrs, v1, ok1, v2, ok2, w1, wok1, w2, wok2)
		}
	}
}

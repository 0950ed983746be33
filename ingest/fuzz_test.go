package ingest

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/model"
)

// FuzzCSV feeds arbitrary bytes through the delimiter sniffer, the CSV
// reader, the header mapping and the value parsers of a table with every
// column type: none may panic, and every row read must end up loaded or
// rejected, with a reason in Dutch and in English.
func FuzzCSV(f *testing.F) {
	f.Add([]byte("\ufeffportal_child_id;consent_type;granted;recorded_at\r\nP1;photo_portal;ja;31-12-2025 14:05\r\n"))
	f.Add([]byte("portal_child_id,consent_type,granted\n\"P\"\"1\",\"a,b\nc\",x\n,,\n"))
	f.Add([]byte("a\tb\n1\t2\t3\t4\n"))
	f.Add([]byte("\"unterminated\n"))
	f.Add([]byte(""))
	table, _ := model.Lookup("portal_consents")
	mf := &manifest.File{File: "f.csv", Table: table.Name, Values: map[string]map[string]string{"consent_type": {"Foto": "photo_portal"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := newCSVReader(bytes.NewReader(data), 0)
		if err != nil {
			return
		}
		_, header, err := r.Next()
		if err != nil {
			return
		}
		plan, _, err := planColumns(mf, table, header)
		if err != nil {
			return
		}
		batch := newRowBatch(table)
		for {
			_, cells, err := r.Next()
			if errors.Is(err, io.EOF) || err != nil {
				return
			}
			bad := parseRow(mf, table, plan, cells, cellKind{}, batch, 0)
			for _, p := range bad {
				if p.reason.NL == "" || p.reason.EN == "" || p.reason.NL == p.reason.EN {
					t.Fatalf("reject of %q without a reason in Dutch and a different one in English: %+v", cells, p.reason)
				}
			}
		}
	})
}

// FuzzSniffDelimiter checks the sniffer always picks one of the candidates,
// and that a file whose records all have the same number of one candidate
// and none of the others gets that one.
func FuzzSniffDelimiter(f *testing.F) {
	for _, s := range []string{"a;b;c", "a,b", "a\tb", "a|b", "\"a;b\",c", "", "Titel\n\na;b\n1;2,5\n", "\"x\ny\";z\r\n1;2\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sample string) {
		d := sniffDelimiter(sample)
		if !strings.ContainsRune(";,\t|", d) {
			t.Fatalf("sniffDelimiter(%q) = %q", sample, d)
		}
		for _, c := range ";,\t|" {
			plain := strings.Map(func(r rune) rune {
				if strings.ContainsRune(";,\t|\"", r) {
					return 'x'
				}
				return r
			}, sample)
			lines := strings.Split(plain, "\n")
			for i := range lines {
				lines[i] = "a" + string(c) + lines[i] + string(c) + "b"
			}
			if got := sniffDelimiter(strings.Join(lines, "\n")); got != c {
				t.Fatalf("records each with two %q: got %q", c, got)
			}
		}
	})
}

// FuzzWorkbook opens arbitrary bytes as a workbook and reads its first
// sheet with the streaming reader the loader uses, and with excelize (the
// reader for encrypted workbooks): neither may panic or loop.
func FuzzWorkbook(f *testing.F) {
	book := excelize.NewFile()
	_ = book.SetSheetRow("Sheet1", "A1", &[]any{"photo_id", "portal_child_id", "posted_at"})
	_ = book.SetSheetRow("Sheet1", "A2", &[]any{"F1", "P1", 45291.5})
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if x, err := openXLSX(bytes.NewReader(data), int64(len(data))); err == nil {
			if sr, err := x.sheet("Sheet1"); err == nil {
				for i := 0; i < 10000; i++ {
					if _, _, err := sr.Next(); err != nil {
						break
					}
				}
			}
		}
		wb, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		defer wb.Close()
		sr, err := newSheetReader(wb, "Sheet1")
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			if _, _, err := sr.Next(); err != nil {
				return
			}
		}
	})
}

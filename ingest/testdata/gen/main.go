// Command gen writes the ingest test corpus (ingest/testdata/corpus): CSV
// files as various producers write them and workbooks made with excelize,
// one of them re-saved by LibreOffice. It is a one-off: the files are
// committed, and the tests read those. Run from the repository root:
//
//	go run ./ingest/testdata/gen
//
// See ingest/testdata/README.md for what each file holds.
package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const dir = "ingest/testdata/corpus"

func main() {
	texts := map[string]string{
		"comma_quoted.csv":      "\"child_id\",\"first_name\",\"care_end\"\r\n\"K1\",\"Anna, Maria\",\"31-07-2025\"\r\n\"K2\",\"Bram \"\"B\"\" Jansen\",\"\"\r\n",
		"semicolon_plain.csv":   "child_id;first_name;care_end;;\nK1;Anna;;;\nK2;'s-Hertogenbosch;31-07-2025;;\n",
		"tab.tsv":               "child_id\tfirst_name\tcare_end\nK1\tAnna\t\nK2\tBram, Jr\t2025-07-31\n",
		"pipe.csv":              "child_id|first_name|care_end\nK1|Anna; Maria|\nK2|Bram|1-8-2025\n",
		"utf8_bom_crlf.csv":     "\ufeffchild_id;first_name;care_end\r\nK1;\"Anna\r\nMaria\";\r\nK2;Zoë;31-07-2025\r\n",
		"duplicate_headers.csv": "child_id;first_name;Opmerking;care_end;opmerking\nK1;Anna;a;;b\n",
		"duplicate_fill.csv":    "child_id;Voornaam;first_name;care_end\nK1;Anna;Anna;\n",
		"bsn_forms.csv":         "child_id;bsn;care_end\nK1;12.34.56.782;\nK2;23456782;\nK3; 111 222 333 ;\nK4;1234567;\n",
		"guardians_values.csv": "portal_child_id;email;has_access;last_login\n" +
			"P1; Anna.de.Vries@Example.NL ;ja;31-12-2025 14:05\n" +
			"P2;mailto:Bram@Voorbeeld.nl;nee;2025-12-31T14:05:00\n" +
			"P3;c@x.nl;j;31-12-2025\n" +
			"P4;d@x.nl;n;1-2-2025 9:05\n" +
			"P5;e@x.nl;yes;2025-12-31 14:05:07\n" +
			"P6;f@x.nl;no;\n" +
			"P7;g@x.nl;x;\n" +
			"P8;h@x.nl;1;\n" +
			"P9;i@x.nl;0;\n" +
			"P10;j@x.nl;waar;\n" +
			"P11;k@x.nl;onwaar;\n" +
			"P12;l@x.nl;misschien;\n" +
			"P13;m@x.nl;ja;31-12-25\n",
	}
	for name, s := range texts {
		write(name, []byte(s))
	}
	write("excel_unicode.txt", utf16LE("child_id\tfirst_name\tcare_end\r\nK1\tZoë\t31-12-2025\r\nK2\tÇelik\t\r\n"))
	write("excel_cp1252.csv", cp1252("child_id;first_name;last_name;care_end\r\nK1;Zoë;Çelik;\r\nK2;Renée;Müller-Lüdenscheidt;31-07-2025\r\n"))
	write("invoices_cp1252.csv", cp1252("invoice_id;invoice_date;amount\r\nF1;31-12-2025;€ 1.234,56\r\nF2;31-12-2025;-€ 12,50\r\nF3;31-12-2025;1.234\r\nF4;31-12-2025;1,234.56\r\nF5;31-12-2025;12,5\r\nF6;31-12-2025;1.2345\r\n"))

	severalSheets()
	layout()
	protected()
	hostile()
	libreOffice()
}

func write(name string, b []byte) {
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		log.Fatal(err)
	}
}

func utf16LE(s string) []byte {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		log.Fatal(err)
	}
	return []byte(b)
}

func cp1252(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		log.Fatal(err)
	}
	return []byte(b)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func rows(f *excelize.File, sheet string, rows ...[]any) {
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow(sheet, cell, &r))
	}
}

// severalSheets: a notes sheet, children with dates as serial numbers (date
// style) and as text, invoices with amounts as numbers and as text.
func severalSheets() {
	f := excelize.NewFile()
	must(f.SetSheetName("Sheet1", "Toelichting"))
	rows(f, "Toelichting", []any{"Export uit Kidsadmin, 1-9-2026"})
	_, err := f.NewSheet("Kinderen")
	must(err)
	rows(f, "Kinderen",
		[]any{"child_id", "first_name", "birth_date", "care_end"},
		[]any{"K1", "Anna", 44197, "31-07-2025"},   // serial 44197 = 2021-01-01
		[]any{"K2", "Bram", "15-03-2020", 45869.0}, // 45869 = 2025-07-31
		[]any{"K3", "Cas", "2019-12-31", "2025-08-01"},
	)
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	must(f.SetCellStyle("Kinderen", "C2", "D4", style))
	_, err = f.NewSheet("Facturen")
	must(err)
	rows(f, "Facturen",
		[]any{"invoice_id", "invoice_date", "amount"},
		[]any{"F1", 46022, 1234.56},
		[]any{"F2", "31-12-2025", "1234,56"},
		[]any{"F3", "31-12-2025", "€ 1.234,56"},
		[]any{"F4", "31-12-2025", 0.1 + 0.2},
	)
	must(f.SaveAs(filepath.Join(dir, "several_sheets.xlsx")))
}

// layout: merged header cells, a hidden row and column, 300 columns.
func layout() {
	f := excelize.NewFile()
	header := make([]any, 300)
	for i := range header {
		header[i] = fmt.Sprintf("Extra %d", i+1)
	}
	header[0], header[1], header[2], header[299] = "child_id", "Naam", nil, "care_end"
	rows(f, "Sheet1",
		header,
		[]any{"K1", "Anna", "de Vries"},
		[]any{"K2", "Bram", "Bakker"},
		[]any{"K3", "Cas", "Smit"},
	)
	must(f.MergeCell("Sheet1", "B1", "C1")) // "Naam" over first and last name
	must(f.SetCellValue("Sheet1", "KN3", "31-07-2025"))
	must(f.SetRowVisible("Sheet1", 3, false))
	must(f.SetColVisible("Sheet1", "B", false))
	must(f.SaveAs(filepath.Join(dir, "layout.xlsx")))
}

// protected: encrypted with the password geheim-2026.
func protected() {
	f := excelize.NewFile()
	rows(f, "Sheet1", []any{"child_id", "first_name", "care_end"}, []any{"K1", "Anna", ""})
	must(f.SaveAs(filepath.Join(dir, "protected.xlsx"), excelize.Options{Password: "geheim-2026"}))
}

// libreOffice writes a workbook with formulas (no cached values, as excelize
// writes them) and has LibreOffice open, recalculate and save it, so the
// committed file has LibreOffice's own layout and cached formula values.
func libreOffice() {
	tmp, err := os.MkdirTemp("", "corpus")
	must(err)
	defer os.RemoveAll(tmp)
	f := excelize.NewFile()
	must(f.SetSheetName("Sheet1", "Facturen"))
	rows(f, "Facturen",
		[]any{"invoice_id", "invoice_date", "amount", "hours", "rate"},
		[]any{"F1", 46022, nil, 10, 8.5},
		[]any{"F2", "1-12-2025", nil, 3, 9.25},
	)
	must(f.SetCellFormula("Facturen", "C2", "D2*E2"))
	must(f.SetCellFormula("Facturen", "C3", "D3*E3"))
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	must(f.SetCellStyle("Facturen", "B2", "B2", style))
	src := filepath.Join(tmp, "libreoffice.xlsx")
	must(f.SaveAs(src))
	out := filepath.Join(tmp, "out")
	cmd := exec.Command("soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src)
	cmd.Env = append(os.Environ(), "HOME="+tmp)
	if b, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("soffice: %v: %s", err, b)
	}
	b, err := os.ReadFile(filepath.Join(out, "libreoffice.xlsx"))
	must(err)
	if !strings.HasPrefix(string(b), "PK") {
		log.Fatal("soffice wrote no xlsx")
	}
	write("libreoffice.xlsx", b)
}

// hostile writes the files of issue 12 that broke or leaked: an export
// with 10,000 extra columns, personal values in columns where they do not
// belong, formula payloads, and BSNs, phone numbers and postcodes in every
// written form in free text.
func hostile() {
	var b strings.Builder
	b.WriteString("child_id;first_name;care_end")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, ";Extra%d", i)
	}
	b.WriteString("\n")
	for _, k := range []string{"K1", "K2", "K3"} {
		b.WriteString(k + ";Anna;" + strings.Repeat(";x", 10000) + "\n")
	}
	write("wide.csv", []byte(b.String()))
	write("personal_in_wrong_columns.csv", []byte("child_id;first_name;care_end;bsn\n"+
		"K1;Anna;wilhelmina.zonderland@example.nl;\n"+
		"K2;Bram;NL91 ABNA 0417 1643 00;\n"+
		"K3;Cas;+31 6 36026322;\n"+
		"K4;Daan;Wilhelmina Zonderland;\n"+
		"K5;Eva;;de Vries\n"))
	write("formulas.csv", []byte("child_id;first_name;care_end\n"+
		"K1;\"=HYPERLINK(\"\"http://example.com\"\",\"\"klik\"\")\";\n"+
		"K2;@SUM(A1);\n"+
		"K3;+31 6 36026322;\n"+
		"K4;-2+3;\n"+
		"K5;\"\t=1+1\";\n"))
	write("free_text.csv", []byte("complaint_id;received_at;handled_at;subject\n"+
		"C1;01-03-2026;;BSN 156\u00a0154\u00a0973 van het kind stond in de mail\n"+
		"C2;02-03-2026;;nummers 69.39.58.832 en 3457 741 15 en 123456789\n"+
		"C3;03-03-2026;;behandeld door Wilhelmina Zonderland, tel 0636026322 of +31636026322 of +31 6 36026322\n"+
		"C4;04-03-2026;;adres Dorpsstraat 1, 6579GW Tiel\n"))
}

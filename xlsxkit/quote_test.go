package xlsxkit

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestQuoteFormulaLike: cells whose text starts like a formula get Excel's
// quote prefix, so that editing one in Excel does not turn it into a live
// formula; their other formatting stays (issue 12).
func TestQuoteFormulaLike(t *testing.T) {
	f := excelize.NewFile()
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		t.Fatal(err)
	}
	row := []any{"=HYPERLINK(\"http://x\")", "+31 6 1", "-2+3", "@SUM(1)", "\tx", "\rx", "gewoon", -5, "3-4", ""}
	if err := f.SetSheetRow("Sheet1", "A1", &row); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "A1", "J1", wrap); err != nil {
		t.Fatal(err)
	}
	if err := QuoteFormulaLike(f); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, true, true, true, true, true, false, false, false, false}
	for i, w := range want {
		cell := Cell(i+1, 1)
		id, err := g.GetCellStyle("Sheet1", cell)
		if err != nil {
			t.Fatal(err)
		}
		xf := g.Styles.CellXfs.Xf[id]
		got := xf.QuotePrefix != nil && *xf.QuotePrefix
		if got != w {
			t.Errorf("%s %q: quote prefix %v, want %v", cell, row[i], got, w)
		}
		if xf.Alignment == nil || !xf.Alignment.WrapText {
			t.Errorf("%s lost its wrapping", cell)
		}
		if v, _ := g.GetCellValue("Sheet1", cell); w && v != row[i] {
			t.Errorf("%s: value %q, want %q", cell, v, row[i])
		}
	}
}

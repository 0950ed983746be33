package xlsxkit

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestCellAndSheetRef(t *testing.T) {
	if got := Cell(28, 3); got != "AB3" {
		t.Errorf("Cell(28, 3) = %s, want AB3", got)
	}
	if got := SheetRef("Foto's"); got != "'Foto''s'" {
		t.Errorf("SheetRef = %s", got)
	}
}

func TestTextWidthAndWrappedLines(t *testing.T) {
	tests := []struct {
		in          any
		width       int
		wantWidth   int
		wantWrapped int
	}{
		{nil, 10, 0, 1},
		{"", 10, 0, 1},
		{"kort", 10, 4, 1},
		{"één\nlangere regel", 10, 13, 3},
		{"a much longer line of text that wraps", 10, 37, 4},
		{12345, 10, 5, 1},
	}
	for _, tt := range tests {
		if got := TextWidth(tt.in); got != tt.wantWidth {
			t.Errorf("TextWidth(%v) = %d, want %d", tt.in, got, tt.wantWidth)
		}
		if s, ok := tt.in.(string); ok {
			if got := WrappedLines(s, tt.width); got != tt.wantWrapped {
				t.Errorf("WrappedLines(%q, %d) = %d, want %d", s, tt.width, got, tt.wantWrapped)
			}
		}
	}
	if RowNumber(0) != nil || RowNumber(7) != 7 {
		t.Error("RowNumber: 0 is an empty cell, 7 the number 7")
	}
}

func TestSetColWidthsAndPrintA4(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	widths := []float64{12, 30.5, 8}
	if err := SetColWidths(f, sh, widths); err != nil {
		t.Fatal(err)
	}
	for i, want := range widths {
		if got, err := f.GetColWidth(sh, Cell(i+1, 1)[:1]); err != nil || got != want {
			t.Errorf("column %d: width %v (%v), want %v", i+1, got, err, want)
		}
	}
	if err := SetColWidths(f, sh, []float64{300}); err == nil {
		t.Error("SetColWidths accepted a width above Excel's 255")
	}
	for _, tt := range []struct {
		print func(*excelize.File, string) error
		want  string
	}{
		{PrintA4Landscape, "landscape"},
		{PrintA4Portrait, "portrait"},
	} {
		if err := tt.print(f, sh); err != nil {
			t.Fatal(err)
		}
		got, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if *got.Size != 9 || *got.Orientation != tt.want || *got.FitToWidth != 1 || *got.FitToHeight != 0 {
			t.Errorf("page layout: size %d, %s, fit %d×%d; want A4 (9), %s, 1×0",
				*got.Size, *got.Orientation, *got.FitToWidth, *got.FitToHeight, tt.want)
		}
		props, err := f.GetSheetProps(sh)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("sheet properties: FitToPage not set (%v)", err)
		}
	}
}

package xlsxkit

import "testing"

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

// Package xlsxkit holds the small helpers avgaudit's Excel writers share
// (the reports and the sample checklist): cell names, text widths for
// sizing columns and rows, column widths, and the A4 print setup.
package xlsxkit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Cell names the cell at column col and row row (both from 1): "B3".
func Cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// SheetRef quotes a sheet name for a reference: 'Name' ('Foto”s').
func SheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// TextWidth is the width of a cell value in characters: its longest line.
func TextWidth(v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		w := 0
		for _, line := range strings.Split(v, "\n") {
			w = max(w, utf8.RuneCountInString(line))
		}
		return w
	}
	return len(fmt.Sprint(v))
}

// WrappedLines estimates how many lines s takes when wrapped at width
// characters: a little more than its length divided by the width, as
// words do not fill every line. Readers do not agree on fitting a row to
// wrapped text when a file opens (LibreOffice does not), so writers set
// row heights from this estimate.
func WrappedLines(s string, width int) int {
	width = max(width, 1)
	n := 0
	for _, line := range strings.Split(s, "\n") {
		chars := utf8.RuneCountInString(line)
		n += max(1, (chars*11/10+width-1)/width)
	}
	return n
}

// RowNumber is a source row number as a cell value: a number, or an empty
// cell when the row is not known (0).
func RowNumber(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

// SetColWidths sets the widths of the first len(widths) columns of sheet,
// in Excel's character units.
func SetColWidths(f *excelize.File, sheet string, widths []float64) error {
	for i, w := range widths {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	return nil
}

// PrintA4Landscape prints a sheet on A4 landscape, as wide as one page and
// as long as it needs.
func PrintA4Landscape(f *excelize.File, sheet string) error {
	return printA4(f, sheet, "landscape")
}

// PrintA4Portrait prints a sheet on A4 portrait, as wide as one page and as
// long as it needs.
func PrintA4Portrait(f *excelize.File, sheet string) error {
	return printA4(f, sheet, "portrait")
}

func printA4(f *excelize.File, sheet, orientation string) error {
	size, one, zero, fit := 9, 1, 0, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero,
	})
}

// SetRowHeight sets the height of row of sheet in points, at most Excel's
// limit of 409 points: a cell with more text than that shows is cut off
// on screen, but the workbook is written (a taller row is an error).
func SetRowHeight(f *excelize.File, sheet string, row int, points float64) error {
	return f.SetRowHeight(sheet, row, min(points, excelize.MaxRowHeight))
}

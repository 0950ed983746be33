package xlsxkit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// FormulaLike reports whether a cell text starts as Excel reads a formula
// when it is typed: =, +, -, @, a tab or a carriage return. A number
// (-5) does not count: it cannot become a formula.
func FormulaLike(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}

// QuoteFormulaLike gives every cell of f whose text is FormulaLike
// Excel's quote prefix (the style Excel itself gives a value typed after
// an apostrophe), keeping the cell's other formatting. The cells hold
// text already; without the prefix, a user who edits one in Excel turns
// it into a live formula. Call it when the workbook is complete, after
// the cells' styles are set.
//
// excelize has no option for the prefix, so the cell formats (xf) of the
// style sheet are copied with it set: one copy per format in use.
//
// Sheets named in done are left out: their writer quoted their cells as it
// wrote them (QuotedStyle), and reading a streamed sheet back would load it
// into memory.
func QuoteFormulaLike(f *excelize.File, done ...string) error {
	quoted := map[int]int{}                  // style id → the same with a quote prefix
	if _, err := f.GetStyle(0); err != nil { // loads the style sheet
		return err
	}
	for _, sheet := range f.GetSheetList() {
		if slices.Contains(done, sheet) {
			continue
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		for r := 1; rows.Next(); r++ {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				_ = rows.Close()
				return fmt.Errorf("sheet %q: %w", sheet, err)
			}
			for c, v := range cols {
				if !FormulaLike(v) {
					continue
				}
				if err := quoteCell(f, sheet, Cell(c+1, r), quoted); err != nil {
					_ = rows.Close()
					return fmt.Errorf("sheet %q: %w", sheet, err)
				}
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}

// quoteCell gives cell the quote prefix (see QuoteFormulaLike).
func quoteCell(f *excelize.File, sheet, cell string, quoted map[int]int) error {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	q, err := QuotedStyle(f, id, quoted)
	if err != nil {
		return fmt.Errorf("cell %s: %w", cell, err)
	}
	return f.SetCellStyle(sheet, cell, cell, q)
}

// QuotedStyle returns the style id with Excel's quote prefix: a copy of its
// cell format, made once per id (quoted remembers them).
func QuotedStyle(f *excelize.File, id int, quoted map[int]int) (int, error) {
	if q, ok := quoted[id]; ok {
		return q, nil
	}
	if _, err := f.GetStyle(0); err != nil { // loads the style sheet
		return 0, err
	}
	if f.Styles == nil || f.Styles.CellXfs == nil || id < 0 || id >= len(f.Styles.CellXfs.Xf) {
		return 0, fmt.Errorf("style %d not in the style sheet", id)
	}
	xf := f.Styles.CellXfs.Xf[id]
	on := true
	xf.QuotePrefix = &on
	f.Styles.CellXfs.Xf = append(f.Styles.CellXfs.Xf, xf)
	f.Styles.CellXfs.Count = len(f.Styles.CellXfs.Xf)
	q := len(f.Styles.CellXfs.Xf) - 1
	quoted[id] = q
	return q, nil
}

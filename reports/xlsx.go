package reports

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
)

// XLSXReporter writes rapport.xlsx: a summary sheet first, then one sheet
// per check that ran, then the input files, the rejected rows and the
// policy. Every table has a bold header on a fill, and the tables of
// records have a frozen header row and an autofilter, so that a privacy
// officer can sort and filter without preparing anything.
//
// The workbook's bytes differ from run to run (excelize writes zip parts in
// map order); its cell contents do not. Compare workbooks by reopening them.
type XLSXReporter struct{}

// Column widths in Excel's character units, and the font of the styled
// cells: a style without a font name makes some readers (LibreOffice) fall
// back to a serif font.
const (
	minColWidth = 8
	maxColWidth = 60
	fontFamily  = "Calibri"
	lineHeight  = 15 // points, one line of 11 pt Calibri
)

// Write writes run as an Excel workbook.
func (XLSXReporter) Write(w io.Writer, run *results.Run, opt Options) error {
	if opt.Audience == results.AudienceManagement {
		return writeManagementXLSX(w, run, opt)
	}
	l, err := labelsFor(opt)
	if err != nil {
		return err
	}
	run = prepare(run)
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, l: l}
	if err := x.styles(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := x.write(run); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

type xlsxWriter struct {
	f *excelize.File
	l *labels

	header, title, bold, top, wrap, link int // style ids
}

func (x *xlsxWriter) styles() error {
	var err error
	newStyle := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.f.NewStyle(s)
		return id
	}
	x.header = newStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontFamily, Size: 11, Color: "1F2D3D"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9C1", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	x.title = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 14, Color: "1F2D3D"}})
	x.bold = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 11}})
	x.top = newStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 11},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	x.wrap = newStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 11},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	x.link = newStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 11, Color: "1F5FAD", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	return err
}

func (x *xlsxWriter) write(run *results.Run) error {
	l := x.l
	reserved := []string{l.Summary, l.Files, l.Rejects, l.Policy}
	sheets := checkSheetNames(run.Checks, reserved)

	if err := x.f.SetSheetName(x.f.GetSheetName(0), l.Summary); err != nil {
		return err
	}
	if err := x.summary(run, sheets); err != nil {
		return err
	}
	for i, c := range run.Checks {
		if sheets[i] == "" {
			continue
		}
		if err := x.check(sheets[i], c); err != nil {
			return fmt.Errorf("sheet %q: %w", sheets[i], err)
		}
	}
	if err := x.inputs(run.Inputs); err != nil {
		return err
	}
	if err := x.rejects(run.Rejects, run.RejectsNotListed()); err != nil {
		return err
	}
	if err := x.policy(run.Policy); err != nil {
		return err
	}
	x.f.SetActiveSheet(0)
	return x.docProps(run)
}

// docProps sets fixed document properties: the dates are the run's as-of
// date, never the time of writing, so two reports of one run agree.
func (x *xlsxWriter) docProps(run *results.Run) error {
	p := &excelize.DocProperties{
		Creator:        tool(run.Tool),
		LastModifiedBy: tool(run.Tool),
		Title:          x.l.ReportTitle,
		Subject:        run.Organisation,
		Language:       map[string]string{"nl": "nl-NL", "en": "en-GB"}[x.l.Lang],
	}
	if _, err := time.Parse("2006-01-02", run.AsOf); err == nil {
		p.Created = run.AsOf + "T00:00:00Z"
		p.Modified = p.Created
	}
	return x.f.SetDocProps(p)
}

func (x *xlsxWriter) summary(run *results.Run, sheets []string) error {
	l, f := x.l, x.f
	sh := l.Summary
	s := run.Summary
	rows := [][]any{
		{l.ReportTitle},
		nil,
		{l.Organisation, run.Organisation},
		{l.AsOf, l.date(run.AsOf)},
		{l.MadeWith, tool(run.Tool)},
		nil,
		{l.Totals},
		{l.Checks, s.Checks},
		{l.ChecksRun, s.ChecksRun},
		{l.ChecksWithFindings, s.ChecksWithIssue},
		{l.ChecksPassed, s.ChecksRun - s.ChecksWithIssue},
		{l.ChecksNotRun, s.ChecksNotRun},
		{l.ChecksFailed, s.ChecksFailed},
		{l.Findings, s.Findings},
	}
	for _, sc := range l.severityCounts(s) {
		rows = append(rows, []any{l.FindingsOfSeverity + " " + sc.Label, sc.Count})
	}
	rows = append(rows,
		[]any{l.RowsLoaded, s.RowsLoaded},
		[]any{l.RowsRejected, s.RowsRejected},
		nil,
	)
	totalsRow := 7
	keysEnd := len(rows) - 1 // last row of the totals block
	tableTitleRow := len(rows) + 1
	rows = append(rows, []any{l.Checks})
	headerRow := len(rows) + 1
	header := []string{l.Check, l.Title, l.SevLabel, l.Area, l.NFindings, l.StatusCol,
		l.Source, l.Why, l.Fix, l.Sheet}
	rows = append(rows, strAny(header))
	for i, c := range run.Checks {
		rows = append(rows, []any{c.ID, l.pick(c.Title), l.severity(c.Severity), c.Area,
			len(c.Findings), strings.Join(append([]string{l.status(c)}, l.warnings(c)...), "; "), c.Source, l.pick(c.Why), l.pick(c.Fix), sheets[i]})
	}
	if err := x.setRows(sh, 1, rows); err != nil {
		return err
	}
	x.setWidths(sh, rows, headerRow)

	styles := []struct {
		from, to string
		id       int
	}{
		{"A1", "A1", x.title},
		{"A3", "A5", x.bold},
		{cell(1, totalsRow), cell(2, totalsRow), x.header},
		{cell(1, totalsRow+1), cell(1, keysEnd), x.bold},
		{cell(1, tableTitleRow), cell(1, tableTitleRow), x.title},
		{cell(1, headerRow), cell(len(header), headerRow), x.header},
	}
	for _, st := range styles {
		if err := f.SetCellStyle(sh, st.from, st.to, st.id); err != nil {
			return err
		}
	}
	if len(run.Checks) > 0 {
		last := headerRow + len(run.Checks)
		if err := f.AutoFilter(sh, cell(1, headerRow)+":"+cell(len(header), last), nil); err != nil {
			return err
		}
		if err := x.styleBody(sh, rows, headerRow+1, last); err != nil {
			return err
		}
		// The sheet column links to the check's own sheet.
		for i, name := range sheets {
			if name == "" {
				continue
			}
			c := cell(len(header), headerRow+1+i)
			if err := f.SetCellHyperLink(sh, c, sheetRef(name)+"!A1", "Location"); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, c, c, x.link); err != nil {
				return err
			}
		}
	}
	return x.pageSetup(sh)
}

func (x *xlsxWriter) check(sh string, c results.Check) error {
	l := x.l
	header := append([]string{l.File, l.Row, l.Table, l.Key, l.Message}, l.columnHeadings(c)...)
	rows := make([][]any, 0, len(c.Findings))
	for _, fd := range c.Findings {
		row := []any{fd.File, rowNumber(fd.Row), fd.Table, fd.RecordKey, l.pick(fd.Message)}
		row = append(row, strAny(padded(fd.Values, len(c.Columns)))...)
		rows = append(rows, row)
	}
	return x.table(sh, header, rows)
}

func (x *xlsxWriter) inputs(ins []results.Input) error {
	l := x.l
	header := []string{l.System, l.Product, l.File, l.Sheet, l.Table, l.RowsRead, l.RowsLoaded,
		l.RowsRejected, l.SkippedColumns, l.SHA256}
	rows := make([][]any, 0, len(ins))
	for _, in := range ins {
		rows = append(rows, []any{in.System, in.Product, in.File, in.Sheet, in.Table,
			in.RowsRead, in.RowsLoaded, in.RowsRejected, strings.Join(in.SkippedColumns, ", "), in.SHA256})
	}
	return x.table(l.Files, header, rows)
}

func (x *xlsxWriter) rejects(rjs []results.Reject, notListed int) error {
	l := x.l
	header := []string{l.File, l.Sheet, l.Row, l.Column, l.Value, l.Reason}
	rows := make([][]any, 0, len(rjs))
	for _, r := range rjs {
		rows = append(rows, []any{r.File, r.Sheet, rowNumber(r.Row), r.Column, r.Value, l.pick(r.Reason)})
	}
	if notListed > 0 {
		rows = append(rows, []any{fmt.Sprintf(l.RejectsNotListed, notListed), "", "", "", "", ""})
	}
	return x.table(l.Rejects, header, rows)
}

func (x *xlsxWriter) policy(ps []results.Param) error {
	l := x.l
	header := []string{l.Setting, l.Value, l.Explanation}
	rows := make([][]any, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, []any{p.Name, p.Value, p.Doc})
	}
	return x.table(l.Policy, header, rows)
}

// table writes a new sheet holding one table: a styled, frozen header row
// with an autofilter, and columns as wide as their content allows.
func (x *xlsxWriter) table(sh string, header []string, rows [][]any) error {
	f := x.f
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	all := append([][]any{strAny(header)}, rows...)
	if err := x.setRows(sh, 1, all); err != nil {
		return err
	}
	x.setWidths(sh, all, 1)
	last := cell(len(header), 1)
	if err := f.SetCellStyle(sh, "A1", last, x.header); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := f.AutoFilter(sh, "A1:"+cell(len(header), max(len(all), 2)), nil); err != nil {
		return err
	}
	if err := x.styleBody(sh, all, 2, len(all)); err != nil {
		return err
	}
	return x.pageSetup(sh)
}

func (x *xlsxWriter) setRows(sh string, first int, rows [][]any) error {
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		if err := x.f.SetSheetRow(sh, cell(1, first+i), &row); err != nil {
			return err
		}
	}
	return nil
}

// setWidths sizes each column to its longest value, between minColWidth
// and maxColWidth. Rows before fromRow (a title block) count only for the
// first two columns, so that a long title does not widen a table column.
func (x *xlsxWriter) setWidths(sh string, rows [][]any, fromRow int) {
	widths := colWidths(rows, fromRow)
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		_ = x.f.SetColWidth(sh, name, name, w)
	}
}

func colWidths(rows [][]any, fromRow int) []float64 {
	var widths []float64
	for r, row := range rows {
		for c, v := range row {
			if r+1 < fromRow && c >= 2 {
				continue
			}
			if r+1 < fromRow && c == 0 && len(row) == 1 {
				continue // a title on its own row may overflow into the next cells
			}
			for len(widths) <= c {
				widths = append(widths, minColWidth)
			}
			widths[c] = max(widths[c], min(float64(textWidth(v)+2), maxColWidth))
		}
	}
	return widths
}

// styleBody aligns the cells of rows first to last to the top, wraps the
// text of the columns that hold a value wider than maxColWidth, and makes
// those rows tall enough for the wrapped text. Readers do not agree on fitting rows to wrapped text
// when the file opens (LibreOffice does not), so the height is set here,
// estimated from the text's length.
func (x *xlsxWriter) styleBody(sh string, rows [][]any, first, last int) error {
	if last < first {
		return nil
	}
	long := map[int]bool{}
	cols := 1
	for r := first - 1; r < last && r < len(rows); r++ {
		cols = max(cols, len(rows[r]))
		for c, v := range rows[r] {
			if textWidth(v)+2 > maxColWidth {
				long[c] = true
			}
		}
	}
	if err := x.f.SetCellStyle(sh, cell(1, first), cell(cols, last), x.top); err != nil {
		return err
	}
	for c := range long {
		if err := x.f.SetCellStyle(sh, cell(c+1, first), cell(c+1, last), x.wrap); err != nil {
			return err
		}
	}
	for r := first - 1; r < last && r < len(rows); r++ {
		lines := 1
		for c, v := range rows[r] {
			if s, ok := v.(string); ok && long[c] {
				lines = max(lines, wrappedLines(s, maxColWidth-2))
			}
		}
		if lines > 1 {
			if err := x.f.SetRowHeight(sh, r+1, float64(lines*lineHeight)); err != nil {
				return err
			}
		}
	}
	return nil
}

// wrappedLines estimates how many lines s takes when wrapped at width
// characters: a little more than its length divided by the width, as words
// do not fill every line.
func wrappedLines(s string, width int) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		chars := utf8.RuneCountInString(line)
		n += max(1, (chars*11/10+width-1)/width)
	}
	return n
}

// pageSetup prints a sheet on A4 landscape, as wide as one page.
func (x *xlsxWriter) pageSetup(sh string) error {
	size, orient, one, zero, fit := 9, "landscape", 1, 0, true
	if err := x.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.f.SetPageLayout(sh, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	})
}

// textWidth is the width of a cell value in characters: the longest line.
func textWidth(v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		w := 0
		for _, line := range strings.Split(v, "\n") {
			w = max(w, utf8.RuneCountInString(line))
		}
		return w
	default:
		return len(fmt.Sprint(v))
	}
}

// rowNumber is a row number as a number, or an empty cell when the row is
// not known (0).
func rowNumber(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

func strAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// sheetRef quotes a sheet name for a cell reference: 'Name'!A1.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// maxSheetName is Excel's limit, counted in UTF-16 code units.
const maxSheetName = 31

// checkSheetNames names the sheet of each check that ran or has findings,
// and "" for the others. A name is the check's id made valid for Excel:
// no []:*?/\ characters, no quote at either end, at most 31 characters,
// and unique, ignoring case, among the checks and the reserved names.
func checkSheetNames(checks []results.Check, reserved []string) []string {
	taken := map[string]bool{"history": true} // Excel reserves "History"
	for _, r := range reserved {
		taken[strings.ToLower(r)] = true
	}
	names := make([]string, len(checks))
	for i, c := range checks {
		if len(c.Findings) == 0 && c.Status != results.StatusPassed && c.Status != results.StatusFindings {
			continue
		}
		base := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
				return '_'
			}
			return r
		}, c.ID)
		base = strings.Trim(base, "' ")
		if base == "" {
			base = "check"
		}
		name := truncUTF16(base, maxSheetName)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf("~%d", n)
			name = strings.TrimRight(truncUTF16(base, maxSheetName-len(suffix)), "'") + suffix
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// truncUTF16 cuts s to at most n UTF-16 code units, on a rune boundary.
func truncUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return strings.TrimRight(s[:i], "' ")
		}
	}
	return s
}

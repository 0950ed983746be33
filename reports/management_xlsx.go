package reports

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/xlsxkit"
)

// Fills of the risk levels in the workbook, as in templates/management.css.
var levelFills = map[string]string{
	"none": "EEF1F4", "low": "CFE8CF", "medium": "FBE3A0", "high": "F6B17F", "critical": "E06666",
}

// Chart colours of the workbook: the previous audit grey, this one blue,
// and lighter for a count drawn at the middle of its range.
const (
	xlsxNowColour      = "1F5FAD"
	xlsxNowLight       = "A9C1E3"
	xlsxPrevColour     = "9AA7B4"
	xlsxPrevLight      = "D5DBE1"
	mgmtAreaCols       = 9  // the columns of the area table
	mgmtChartNowCol    = 15 // the chart's values, now and before: hidden columns
	mgmtChartPrevCol   = 16 // to the right of every table
	mgmtChartRows      = 18 // rows left free under the area table for the chart
	mgmtConclusionCols = 13 // paragraphs span the table of all checks
)

// mgmtWidths are the sheet's column widths, in characters. The sheet prints
// on A4 landscape as wide as one page: together they are about 175
// characters, so it prints at about 80 % and reads like a normal page.
// Each column serves several tables: A names (areas, checks), B areas,
// E+F the owner in the top risks, M the owner of every check; N is a
// spacer and O and P hold the chart's values (hidden).
var mgmtWidths = []float64{34, 18, 12, 12, 9, 13, 9, 15, 9, 11, 7, 9, 20, 2, 10, 10}

// mgmtMatrixSpans are the columns each of the risk matrix's five
// likelihood cells spans, merged, so the five are about equally wide.
var mgmtMatrixSpans = [][2]int{{2, 3}, {4, 6}, {7, 8}, {9, 11}, {12, 13}}

// mgmtSheet writes the management summary on one sheet. It keeps the rows
// it has written and the styles to set, and writes them in one go.
type mgmtSheet struct {
	*xlsxWriter
	v       *mgmtView
	sh      string
	rows    [][]any
	formats []cellStyle
	merges  [][2]string
	levels  map[string]int // style id per level class
	// right, boldRight and left align counts: "< 5" and "2–8" are text, and
	// would stand left of the numbers above and below them; a key figure
	// stands left, next to its label.
	right, boldRight, left int
	heads                  map[int]int // row → columns of its table header, for widths
	breaks                 []int       // rows that start a printed page

	areaFirst, areaLast int // rows of the area table's body (without the total)
}

// ManagementXLSXReporter writes rapport-bestuur.xlsx: the same figures as
// the HTML page on three sheets, each printing on A4 landscape at a
// readable size: the summary (conclusions, key figures, the areas with a
// chart of the open findings per area, now and at the previous audit, and
// the top risks) on one or two pages; the risk matrix and every check; and
// the accepted-risk register, the data quality and how to read it. It
// holds no other data.
type ManagementXLSXReporter struct{}

// Write writes the management summary s as a workbook.
func (ManagementXLSXReporter) Write(w io.Writer, s *audience.Summary, opt Options) error {
	v, err := newMgmtView(s, opt)
	if err != nil {
		return err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: opt.TmpDir})
	defer f.Close()
	x := &mgmtSheet{xlsxWriter: &xlsxWriter{f: f, l: v.T.l}, v: v, sh: v.T.m.SheetName, heads: map[int]int{}}
	if err := x.write(&results.Run{Tool: s.Tool, Organisation: s.Organisation, AsOf: s.AsOf, Date: s.Date}); err != nil {
		return fmt.Errorf("write management xlsx: %w", err)
	}
	// Cells from the exports that start like a formula stay text when
	// edited in Excel.
	if err := xlsxkit.QuoteFormulaLike(f); err != nil {
		return fmt.Errorf("write management xlsx: %w", err)
	}
	if err := f.Write(w, excelize.Options{Password: opt.Password}); err != nil {
		return fmt.Errorf("write management xlsx: %w", err)
	}
	return nil
}

func (x *mgmtSheet) write(run *results.Run) error {
	if err := x.styles(); err != nil {
		return err
	}
	if err := x.levelStyles(); err != nil {
		return err
	}
	m := x.v.T.m
	// The page header names the report, the footer the organisation and
	// the page, as on the risk analysis's sheets.
	x.run, x.reportTitle = run, m.ReportTitle
	for i, sheet := range []struct {
		name  string
		parts []func()
	}{
		{m.SheetName, []func(){x.masthead, x.keyFigures, x.areas, x.topRisks}},
		{m.SheetRisks, []func(){x.matrix, x.allChecks}},
		{m.SheetNotes, []func(){x.register, x.quality, x.howTo}},
	} {
		x.sh, x.rows, x.formats, x.merges, x.heads, x.breaks = sheet.name, nil, nil, nil, map[int]int{}, nil
		if i == 0 {
			if err := x.f.SetSheetName(x.f.GetSheetName(0), x.sh); err != nil {
				return err
			}
		} else if _, err := x.f.NewSheet(x.sh); err != nil {
			return err
		}
		for _, part := range sheet.parts {
			part()
		}
		if err := x.flush(); err != nil {
			return err
		}
		if i == 0 {
			if err := x.chart(); err != nil {
				return err
			}
		}
		if err := x.printSetup(x.sh, m.ReportTitle, ""); err != nil {
			return err
		}
	}
	return x.mgmtDocProps(run)
}

func (x *mgmtSheet) levelStyles() error {
	var err error
	// A count stands one space in from the right, clear of the text in the
	// column after it, with a thousands separator (#,##0: 1.202 in a Dutch
	// Excel, 1,202 in an English one).
	align := func(h string, bold bool, indent int) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: bold}, NumFmt: 3,
			Alignment: &excelize.Alignment{Horizontal: h, Vertical: "top", Indent: indent}})
		return id
	}
	x.right, x.boldRight, x.left = align("right", false, 1), align("right", true, 1), align("left", false, 0)
	if err != nil {
		return err
	}
	x.levels = map[string]int{}
	// In a fixed order: style ids, and so the workbook's bytes, follow it.
	for _, lvl := range append([]string{levelNone}, levels...) {
		fill, ok := levelFills[lvl]
		if !ok {
			continue
		}
		font := &excelize.Font{Family: fontFamily, Size: 11}
		if lvl == "critical" {
			font.Color = "FFFFFF"
		}
		id, err := x.f.NewStyle(&excelize.Style{
			Font:      font,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Border:    []excelize.Border{{Type: "left", Color: "FFFFFF", Style: 2}, {Type: "right", Color: "FFFFFF", Style: 2}, {Type: "top", Color: "FFFFFF", Style: 2}, {Type: "bottom", Color: "FFFFFF", Style: 2}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		})
		if err != nil {
			return err
		}
		x.levels[classFor(lvl, x.v.T.m.Levels)] = id
	}
	return nil
}

// next is the number of the row add writes next.
func (x *mgmtSheet) next() int { return len(x.rows) + 1 }

// add appends a row and returns its number.
func (x *mgmtSheet) add(cells ...any) int {
	x.rows = append(x.rows, cells)
	return len(x.rows)
}

func (x *mgmtSheet) style(from, to string, id int) {
	x.formats = append(x.formats, cellStyle{from, to, id})
}

// section adds a section title after an empty row.
func (x *mgmtSheet) section(s string) {
	x.add()
	r := x.add(s)
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(1, r), x.title)
}

// tableHead adds a table's header row.
func (x *mgmtSheet) tableHead(cols ...string) int {
	r := x.add(strAny(cols)...)
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(len(cols), r), x.header)
	x.heads[r] = len(cols)
	return r
}

// text adds a paragraph merged across the sheet's width and wrapped.
func (x *mgmtSheet) text(s string) {
	r := x.add(s)
	x.merges = append(x.merges, [2]string{xlsxkit.Cell(1, r), xlsxkit.Cell(mgmtConclusionCols, r)})
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(mgmtConclusionCols, r), x.wrap)
}

// num is a count's cell value: a number when it is exact, else its text.
func num(c mgmtCount) any {
	if c.Num != nil {
		return *c.Num
	}
	return c.Text
}

func (x *mgmtSheet) masthead() {
	v, m, l := x.v, x.v.T.m, x.v.T.l
	r := x.add(m.ReportTitle)
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(1, r), x.title)
	x.add()
	prev := v.PreviousAsOf
	if prev == "" {
		prev = m.NoPrevious
	}
	first := x.add(l.Organisation, v.Organisation)
	x.add(l.AsOf, v.AsOf)
	x.add(m.ComparedWith, prev)
	last := x.add(l.MadeWith, v.Tool)
	x.style(xlsxkit.Cell(1, first), xlsxkit.Cell(1, last), x.bold)
	x.section(m.Conclusions)
	x.text(v.Conclusion)
}

func (x *mgmtSheet) keyFigures() {
	v, m := x.v, x.v.T.m
	x.section(m.KeyFigures)
	first := x.next()
	tt := v.S.Totals
	x.add(m.OpenFindings, num(v.AreaTotal.Open))
	x.add(m.BySeverityKey, v.bySeverity())
	x.add(m.Recommendations, num(mgmtCount{Text: x.v.T.shown(tt.Recommendations), Num: tt.Recommendations.Value}))
	if v.AreaTotal.HasPrevious {
		x.add(upperFirst(fmt.Sprintf(m.PreviousCount, v.PreviousAsOf)), num(v.AreaTotal.Previous))
	}
	x.add(m.ChecksWithOpen, tt.ChecksOpen)
	x.add(m.ChecksRunKey, tt.ChecksRun)
	x.add(m.HighRisks, tt.HighRisks)
	last := x.add(m.AcceptedCount, num(v.AreaTotal.Accepted))
	x.style(xlsxkit.Cell(1, first), xlsxkit.Cell(1, last), x.bold)
	x.style(xlsxkit.Cell(2, first), xlsxkit.Cell(2, last), x.left)
}

func (x *mgmtSheet) areas() {
	v, m := x.v, x.v.T.m
	x.section(m.PerArea)
	h := x.tableHead(m.Area, m.Checks, m.ChecksRun, m.ChecksOpen, m.Open, m.Accepted, m.PreviousOpen, m.Trend,
		m.HighestRisk)
	// The chart's columns are headed as its legend names the bars.
	prev := m.NoPrevious
	if v.PreviousAsOf != "" {
		prev = fmt.Sprintf(m.SeriesPrev, v.PreviousAsOf)
	}
	x.rows[h-1] = chartCells(x.rows[h-1], fmt.Sprintf(m.SeriesNow, v.AsOf), prev)
	x.areaFirst = x.next()
	for _, a := range v.Areas {
		x.areaRow(a)
	}
	x.areaLast = x.next() - 1
	t := x.areaRow(v.AreaTotal)
	x.style(xlsxkit.Cell(1, t), xlsxkit.Cell(mgmtAreaCols, t), x.bold)
	x.style(xlsxkit.Cell(2, t), xlsxkit.Cell(7, t), x.boldRight)
	// The chart starts the second page, with the top risks under it: on
	// the first it would be cut in two.
	x.breaks = append(x.breaks, x.add(m.ChartCaption))
	for range mgmtChartRows {
		x.add()
	}
}

func (x *mgmtSheet) areaRow(a mgmtArea) int {
	var now, prev any
	if !a.NotRun {
		now = a.ChartNow
		if a.HasPrevious {
			prev = a.ChartPrev
		}
	}
	r := x.add(chartCells([]any{a.Name, a.Checks, a.Run, a.ChecksOpen, num(a.Open), num(a.Accepted), num(a.Previous), a.Trend,
		a.Level}, now, prev)...)
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(mgmtAreaCols, r), x.wrap)
	x.style(xlsxkit.Cell(2, r), xlsxkit.Cell(7, r), x.right)
	x.levelCell(9, r, a.LevelClass)
	return r
}

// chartCells puts the chart's two values of a row of the area table in the
// hidden chart columns, away from the table a reader sees.
func chartCells(row []any, now, prev any) []any {
	for len(row) < mgmtChartNowCol-1 {
		row = append(row, nil)
	}
	return append(row, now, prev)
}

func (x *mgmtSheet) levelCell(col, row int, class string) {
	if id, ok := x.levels[class]; ok {
		x.style(xlsxkit.Cell(col, row), xlsxkit.Cell(col, row), id)
	}
}

func (x *mgmtSheet) topRisks() {
	v, m := x.v, x.v.T.m
	x.section(m.TopRisks)
	if len(v.TopRisks) == 0 {
		x.add(m.NoTopRisks)
		return
	}
	// The check's title in the wide first column, so it reads on one line.
	// The owner takes two columns (E:F), merged: a narrow E serves the
	// counts of the other tables.
	h := x.tableHead(m.Check, m.Area, m.Level, m.Score, m.Owner, "", m.Status)
	x.merges = append(x.merges, [2]string{xlsxkit.Cell(5, h), xlsxkit.Cell(6, h)})
	for _, c := range v.TopRisks {
		r := x.add(fmt.Sprintf("%v. %s", c.Rank, c.Title), c.Area, c.Level, atoiOr(c.Score), c.Owner, nil, c.Status)
		x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(7, r), x.wrap) // the rows are as tall as their texts
		x.style(xlsxkit.Cell(4, r), xlsxkit.Cell(4, r), x.right)
		x.levelCell(3, r, c.LevelClass)
		x.merges = append(x.merges, [2]string{xlsxkit.Cell(5, r), xlsxkit.Cell(6, r)})
	}
}

func (x *mgmtSheet) matrix() {
	v, m := x.v, x.v.T.m
	r := x.add(m.MatrixTitle) // the sheet's first row
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(1, r), x.title)
	x.text(m.MatrixNote)
	// Each cell of the matrix spans two or three columns, merged
	// (mgmtMatrixSpans): a check's title wraps between words, not inside one.
	last := mgmtMatrixSpans[len(mgmtMatrixSpans)-1][1]
	head := make([]string, last)
	head[0] = m.Impact + " ↓ / " + m.Likelihood + " →"
	for i, c := range v.Matrix[0].Cells {
		head[mgmtMatrixSpans[i][0]-1] = fmt.Sprint(c.Likelihood)
	}
	h := x.tableHead(head...)
	for i := range v.Matrix[0].Cells {
		x.merges = append(x.merges, [2]string{xlsxkit.Cell(mgmtMatrixSpans[i][0], h), xlsxkit.Cell(mgmtMatrixSpans[i][1], h)})
	}
	for _, row := range v.Matrix {
		cells := make([]any, last)
		cells[0] = row.Impact
		for i, c := range row.Cells {
			cells[mgmtMatrixSpans[i][0]-1] = matrixCellText(c)
		}
		r := x.add(cells...)
		x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(1, r), x.axis) // the impact, centred beside its row
		for i, c := range row.Cells {
			from, to := mgmtMatrixSpans[i][0], mgmtMatrixSpans[i][1]
			for col := from; col <= to; col++ {
				x.levelCell(col, r, c.LevelClass)
			}
			x.merges = append(x.merges, [2]string{xlsxkit.Cell(from, r), xlsxkit.Cell(to, r)})
		}
	}
	x.add(m.ImpactAxis + "; " + m.LikelyAxis)
}

// matrixCellText is a matrix cell in the workbook: how many checks and
// their titles, or nothing.
func matrixCellText(c mgmtMatrixCell) string {
	if c.Count == 0 {
		return ""
	}
	s := c.CountLabel + ":"
	for _, t := range c.Titles {
		s += "\n• " + t
	}
	return s
}

func (x *mgmtSheet) allChecks() {
	v, m := x.v, x.v.T.m
	x.section(m.AllChecks)
	x.breaks = append(x.breaks, x.next()-1) // the table starts a page, under its title
	x.tableHead(m.Check, m.Area, m.Severity, m.Status, m.Open, m.Accepted, m.PreviousOpen, m.Trend,
		m.Impacts, m.Likelihoods, m.Score, m.Level, m.Owner)
	for _, c := range v.Checks {
		r := x.add(c.Title, c.Area, c.Severity, c.Status, num(c.Open), num(c.Accepted), num(c.Previous), c.Trend,
			atoiOr(c.Impact), atoiOr(c.Likelihood), atoiOr(c.Score), c.Level, c.Owner)
		x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(13, r), x.wrap) // titles and owners wrap
		x.style(xlsxkit.Cell(5, r), xlsxkit.Cell(7, r), x.right)
		x.style(xlsxkit.Cell(9, r), xlsxkit.Cell(11, r), x.right)
		x.levelCell(12, r, c.LevelClass)
	}
}

func (x *mgmtSheet) register() {
	v, m := x.v, x.v.T.m
	r := x.add(m.Register)
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(1, r), x.title)
	x.text(m.RegisterNote)
	// A label takes two columns, merged: "Verlopen (de bevindingen tellen
	// weer als open)" is longer than the first.
	h := x.tableHead(m.Status, "", m.Entries)
	x.merges = append(x.merges, [2]string{xlsxkit.Cell(1, h), xlsxkit.Cell(2, h)})
	for _, p := range v.Register {
		r := x.add(p.Label, nil, num(p.Value))
		x.merges = append(x.merges, [2]string{xlsxkit.Cell(1, r), xlsxkit.Cell(2, r)})
		x.style(xlsxkit.Cell(3, r), xlsxkit.Cell(3, r), x.left)
	}
}

func (x *mgmtSheet) quality() {
	v, m := x.v, x.v.T.m
	x.section(m.DataQuality)
	first := x.next()
	for _, p := range v.Quality {
		r := x.add(p.Label, nil, num(p.Value))
		x.merges = append(x.merges, [2]string{xlsxkit.Cell(1, r), xlsxkit.Cell(2, r)})
	}
	x.style(xlsxkit.Cell(1, first), xlsxkit.Cell(1, x.next()-1), x.bold)
	x.style(xlsxkit.Cell(3, first), xlsxkit.Cell(3, x.next()-1), x.left)
	x.add()
	r := x.add(m.ChecksNotRun)
	x.style(xlsxkit.Cell(1, r), xlsxkit.Cell(1, r), x.bold)
	if len(v.NotRun) == 0 {
		x.add(m.AllChecksRan)
		return
	}
	for _, t := range v.NotRun {
		x.add(t)
	}
	x.text(m.DataQualityNot)
}

func (x *mgmtSheet) howTo() {
	v, m := x.v, x.v.T.m
	x.section(m.HowToRead)
	for _, p := range m.HowTo {
		x.text(p)
	}
	x.text(m.CountNote)
	x.section(m.Legend)
	for _, g := range []struct {
		head string
		rows []mgmtLegend
	}{{m.Level, v.LevelLegend}, {m.Status, v.StatusLegend}, {m.Trend, v.TrendLegend}} {
		x.tableHead(g.head, "")
		for _, lg := range g.rows {
			r := x.add(lg.Name, lg.Desc)
			if g.head == m.Level {
				x.levelCell(1, r, lg.Class)
			}
		}
	}
	x.add()
	x.text(m.PrivacyNote)
}

// flush writes the rows, styles and merges, sizes the columns and sets the
// heights of the wrapped rows.
func (x *mgmtSheet) flush() error {
	if err := x.setRows(x.sh, 1, x.rows); err != nil {
		return err
	}
	widths := mgmtWidths
	if err := xlsxkit.SetColWidths(x.f, x.sh, widths); err != nil {
		return err
	}
	// The chart's own columns are not for reading (and hidden data is still
	// drawn: excelize writes plotVisOnly false).
	if err := x.f.SetColVisible(x.sh, colName(mgmtChartNowCol)+":"+colName(mgmtChartPrevCol), false); err != nil {
		return err
	}
	for _, st := range x.formats {
		if err := x.f.SetCellStyle(x.sh, st.from, st.to, st.id); err != nil {
			return err
		}
	}
	for _, mg := range x.merges {
		if err := x.f.MergeCell(x.sh, mg[0], mg[1]); err != nil {
			return err
		}
	}
	for _, r := range x.breaks {
		if err := x.f.InsertPageBreak(x.sh, xlsxkit.Cell(1, r)); err != nil {
			return err
		}
	}
	return x.rowHeights(widths)
}

// rowHeights makes rows with a long or multi-line text tall enough: a
// merged paragraph wraps at the width of the merged columns, any other
// cell at its own column's width.
func (x *mgmtSheet) rowHeights(widths []float64) error {
	// A merged cell wraps at the width of the columns it spans.
	merged := map[string]float64{}
	for _, mg := range x.merges {
		c1, _, err1 := excelize.CellNameToCoordinates(mg[0])
		c2, _, err2 := excelize.CellNameToCoordinates(mg[1])
		if err1 != nil || err2 != nil {
			continue
		}
		for c := c1; c <= c2; c++ {
			merged[mg[0]] += widths[min(c-1, len(widths)-1)]
		}
	}
	for i, row := range x.rows {
		lines := 1
		for c, val := range row {
			s, ok := val.(string)
			if !ok {
				continue
			}
			width := widths[min(c, len(widths)-1)]
			_, head := x.heads[i+1]
			switch {
			case c+1 >= mgmtChartNowCol:
				continue // the hidden chart columns
			case merged[xlsxkit.Cell(c+1, i+1)] > 0:
				// A wide merged cell (a matrix cell, a paragraph) loses
				// less to wrapping between words than a narrow column.
				width = merged[xlsxkit.Cell(c+1, i+1)] * 1.3 / 1.15
			case head:
				width -= 2 // bold: a table's headings wrap in their columns
			case len(row) <= 2:
				continue // titles, labels and their values run on
			}
			// Prose is narrower than Excel's width unit (the width of a
			// 0): a line holds about 15 % more of its letters.
			lines = max(lines, xlsxkit.WrappedLines(s, int(width*1.15)-2))
		}
		if lines > 1 {
			// Excel's highest row is 409 points; a longer text scrolls in its cell.
			if err := xlsxkit.SetRowHeight(x.f, x.sh, i+1, float64(lines*lineHeight)); err != nil {
				return err
			}
		}
	}
	return nil
}

// chart draws the open findings per area, now and at the previous audit, as
// horizontal bars from the area table's two chart columns; a value that is
// the middle of a range is drawn lighter.
func (x *mgmtSheet) chart() error {
	v, m := x.v, x.v.T.m
	if x.areaLast < x.areaFirst {
		return nil
	}
	ref := func(col int) string {
		return xlsxkit.SheetRef(x.sh) + "!$" + colName(col) + "$" + fmt.Sprint(x.areaFirst) + ":$" + colName(col) + "$" + fmt.Sprint(x.areaLast)
	}
	head := func(col int) string {
		return xlsxkit.SheetRef(x.sh) + "!$" + colName(col) + "$" + fmt.Sprint(x.areaFirst-1)
	}
	series := func(col int, colour, light string, exact func(mgmtArea) bool) excelize.ChartSeries {
		s := excelize.ChartSeries{Name: head(col), Categories: ref(1), Values: ref(col),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}}
		for i, a := range v.Areas {
			if !exact(a) {
				s.DataPoint = append(s.DataPoint, excelize.ChartDataPoint{Index: i,
					Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{light}}})
			}
		}
		return s
	}
	var all []excelize.ChartSeries
	if v.PreviousAsOf != "" {
		all = append(all, series(mgmtChartPrevCol, xlsxPrevColour, xlsxPrevLight, func(a mgmtArea) bool { return a.ChartPrevExact }))
	}
	all = append(all, series(mgmtChartNowCol, xlsxNowColour, xlsxNowLight, func(a mgmtArea) bool { return a.ChartNowExact }))
	gap := uint(60)
	return x.f.AddChart(x.sh, xlsxkit.Cell(1, x.areaLast+3), &excelize.Chart{
		Type:   excelize.Bar,
		Series: all,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: m.TrendTitle}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		XAxis:  excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: "1F2D3D", Size: 9}},
		YAxis:  excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Color: "1F2D3D", Size: 9}},
		// As high as the free rows at LibreOffice's row height (17 px), lower
		// than Excel's (20 px): in neither does it cover the next title.
		Dimension: excelize.ChartDimension{Width: 720, Height: uint(mgmtChartRows-1) * 17},
		GapWidth:  &gap,
		Format:    excelize.GraphicOptions{AltText: m.TrendTitle},
	})
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// atoiOr is a score or scale as a number, or the not-run mark as it is.
func atoiOr(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return s
}

// mgmtDocProps sets the workbook's properties like docProps does, with the
// management report's title.
func (x *mgmtSheet) mgmtDocProps(run *results.Run) error {
	x.run, x.reportTitle = run, x.v.T.m.ReportTitle
	return x.docProps()
}

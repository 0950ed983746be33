package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
	"github.com/avgaudit/avgaudit/xlsxkit"
)

// XLSXReporter writes rapport.xlsx (risk audience) or rapport-fg.xlsx (FG
// audience): a summary sheet first (totals, the findings per area then and
// now with a chart, and the checks grouped by area with their risk), the
// risk matrix, one sheet per check that ran, then the findings per location
// and group, the accepted risks, for the FG the resolved findings, the input
// files, the rejected rows, the policy and the methodology. Every table has
// a bold header on a fill, and the tables of records have a frozen header
// row and an autofilter, so that a privacy officer can sort and filter
// without preparing anything.
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

// Write writes d's run as an Excel workbook.
func (XLSXReporter) Write(w io.Writer, d audience.Detailed, opt Options) error {
	l, err := labelsFor(opt)
	if err != nil {
		return err
	}
	run, err := d.Run(l.Lang)
	if err != nil {
		return err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: opt.TmpDir})
	defer f.Close()
	x := &xlsxWriter{f: f, l: l, reportTitle: l.ReportTitle[d.Audience()], showLocations: d.Locations(),
		showNames: d.ChildNames(), showResolved: d.Resolved(), run: run}
	if err := x.styles(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := x.write(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	// Cells from the exports that start like a formula stay text when
	// edited in Excel.
	if err := xlsxkit.QuoteFormulaLike(f, x.streamed...); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.Write(w, excelize.Options{Password: opt.Password}); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

type xlsxWriter struct {
	f           *excelize.File
	streamed    []string    // sheets written by tablePart, their cells quoted as written
	quoted      map[int]int // style id → the same with Excel's quote prefix
	l           *labels
	reportTitle string
	// showLocations: each finding's file, row and table are shown;
	// showNames: the name of the child a record is about, where known;
	// showResolved: the resolved findings have a sheet.
	showLocations, showNames, showResolved bool
	run                                    *results.Run
	// page is the title and id the page header of the next table's sheet
	// shows (a check's); nil for a sheet's own name.
	page *[2]string
	// caps are the widths (by column, from 1) beyond which the next
	// table's text wraps, where narrower than maxColWidth.
	caps map[int]float64

	header, headerUp, axis, title, bold, top, wrap, link, date, percent int // style ids
	level                                                               map[string]int
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
	font := func() *excelize.Font { return &excelize.Font{Family: fontFamily, Size: 11} }
	top := &excelize.Alignment{Vertical: "top"}
	x.header = newStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontFamily, Size: 11, Color: "1F2D3D"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9C1", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	// axis heads the rows and columns of the risk matrix, centred.
	x.axis = newStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontFamily, Size: 11, Color: "1F2D3D"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    xlsxBorders("FFFFFF"),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
	})
	// headerUp heads a narrow column of numbers, its text turned upright.
	x.headerUp = newStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontFamily, Size: 11, Color: "1F2D3D"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9C1", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "bottom", Horizontal: "center", TextRotation: 90},
	})
	x.title = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 14, Color: "1F2D3D"}})
	x.bold = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 11}})
	x.top = newStyle(&excelize.Style{Font: font(), Alignment: top})
	x.wrap = newStyle(&excelize.Style{Font: font(), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.link = newStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Size: 11, Color: "1F5FAD", Underline: "single"},
		Alignment: top,
	})

	x.date = newStyle(&excelize.Style{Font: font(), Alignment: top, CustomNumFmt: &x.l.ExcelDateFormat})
	pct := "0.0%"
	x.percent = newStyle(&excelize.Style{Font: font(), Alignment: top, CustomNumFmt: &pct})
	x.level = map[string]int{}
	// In a fixed order: style ids, and so the workbook's bytes, follow it.
	for _, lv := range append([]string{levelNone}, levels...) {
		colour := levelColours[lv]
		x.level[lv] = newStyle(&excelize.Style{
			Font:      &excelize.Font{Family: fontFamily, Size: 11, Bold: true, Color: strings.TrimPrefix(levelInk[lv], "#")},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(colour, "#")}},
			Border:    xlsxBorders("FFFFFF"),
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		})
	}
	return err
}

// xlsxBorders is a thin border of colour on all four sides.
func xlsxBorders(colour string) []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: colour, Style: 2})
	}
	return out
}

func (x *xlsxWriter) write() error {
	l, run := x.l, x.run
	reserved := []string{l.Summary, l.SheetMatrix, l.SheetExplained, l.SheetLocations, l.AcceptancesTitle, l.ResolvedFindings,
		l.Files, l.Rejects, l.Policy, l.MethodTitle}
	sheets := checkSheetNames(run.Checks, reserved, func(c results.Check) string { return l.pick(c.Title) })

	if err := x.f.SetSheetName(x.f.GetSheetName(0), l.Summary); err != nil {
		return err
	}
	if err := x.summary(sheets); err != nil {
		return err
	}
	if err := x.matrix(); err != nil {
		return fmt.Errorf("sheet %q: %w", l.SheetMatrix, err)
	}
	if err := x.explained(); err != nil {
		return fmt.Errorf("sheet %q: %w", l.SheetExplained, err)
	}
	for _, g := range groupByArea(run.Checks) {
		for _, i := range g.Checks {
			if sheets[i] == "" {
				continue
			}
			if err := x.check(sheets[i], run.Checks[i]); err != nil {
				return fmt.Errorf("sheet %q: %w", sheets[i], err)
			}
		}
	}
	steps := []struct {
		sheet string
		write func() error
		skip  bool
	}{
		{l.SheetLocations, x.locations, false},
		{l.AcceptancesTitle, x.acceptances, false},
		{l.ResolvedFindings, x.resolved, !x.showResolved},
		{l.Files, x.inputs, false},
		{l.Rejects, x.rejects, false},
		{l.Policy, x.policy, false},
		{l.MethodTitle, x.method, false},
	}
	for _, s := range steps {
		if s.skip {
			continue
		}
		if err := s.write(); err != nil {
			return fmt.Errorf("sheet %q: %w", s.sheet, err)
		}
	}
	// The summary, the workbook's first sheet, is active from the start;
	// SetActiveSheet would read every streamed sheet back into memory.
	if x.f.GetActiveSheetIndex() != 0 {
		x.f.SetActiveSheet(0)
	}
	return x.docProps()
}

// docProps sets fixed document properties: the dates are the run's as-of
// date, never the time of writing, so two reports of one run agree.
func (x *xlsxWriter) docProps() error {
	run := x.run
	p := &excelize.DocProperties{
		Creator:        tool(run.Tool),
		LastModifiedBy: tool(run.Tool),
		Title:          x.reportTitle,
		Subject:        run.Organisation,
		Language:       map[string]string{"nl": "nl-NL", "en": "en-GB"}[x.l.Lang],
	}
	if !run.Date.IsZero() {
		p.Created = run.Date.Format(time.DateOnly) + "T00:00:00Z"
		p.Modified = p.Created
	}
	return x.f.SetDocProps(p)
}

// summaryBlock is a run of rows on the summary sheet and the styles of its
// parts, written by summary in one go.
type summaryBlock struct {
	rows   [][]any
	styles []cellStyle
}

// cellStyle styles the cells from–to (inclusive) with a style id.
type cellStyle struct {
	from, to string
	id       int
}

// add appends rows and returns the sheet row number of the first of them.
func (b *summaryBlock) add(rows ...[]any) int {
	first := len(b.rows) + 1
	b.rows = append(b.rows, rows...)
	return first
}

func (b *summaryBlock) style(from, to string, id int) {
	b.styles = append(b.styles, cellStyle{from, to, id})
}

// summary writes the first sheet: the run, its totals, the findings per
// area then and now with a chart, and a table of the checks, grouped by
// area, with their risk and a link to each check's sheet.
func (x *xlsxWriter) summary(sheets []string) error {
	l, f, run := x.l, x.f, x.run
	sh := l.Summary
	b := &summaryBlock{}
	previous := l.NoPreviousRun
	if p := run.Previous; p != nil {
		previous = l.PreviousAudit + " " + l.date(p.Date, p.AsOf) + " (" + p.File + ")"
	}
	b.add([]any{x.reportTitle}, nil)
	meta := b.add(
		[]any{l.Organisation, run.Organisation},
		[]any{l.AsOf, l.date(run.Date, run.AsOf)},
		[]any{l.ComparedWith, previous},
		[]any{l.MadeWith, tool(run.Tool)},
		nil,
	)
	b.style("A1", "A1", x.title)
	b.style(xlsxkit.Cell(1, meta), xlsxkit.Cell(1, meta+3), x.bold)

	// Each total's label runs on into the empty second column, the
	// figure is in the third: the first column stays as narrow as the
	// table of checks below needs it.
	totals := x.totals()
	for i, t := range totals {
		totals[i] = []any{t[0], nil, t[1]}
	}
	first := b.add(append([][]any{{l.Totals, nil, nil}}, totals...)...)
	b.style(xlsxkit.Cell(1, first), xlsxkit.Cell(3, first), x.header)
	b.style(xlsxkit.Cell(1, first+1), xlsxkit.Cell(1, first+len(totals)), x.bold)
	// The figures with a thousands separator (5.442 in a Dutch Excel).
	grouped, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11}, NumFmt: 3})
	if err != nil {
		return err
	}
	b.style(xlsxkit.Cell(3, first+1), xlsxkit.Cell(3, first+len(totals)), grouped)
	chartAt := xlsxkit.Cell(4, first)
	b.add(nil)

	trend, trendSeries, trendMax := x.trendTable(b)
	b.add(nil)

	tableTitle := b.add([]any{l.Checks})
	b.style(xlsxkit.Cell(1, tableTitle), xlsxkit.Cell(1, tableTitle), x.title)
	// The check by its title in the report's language, its id (English,
	// as in the JSON and the register) after the columns that print.
	header := []string{l.Area, l.Check, l.SevLabel, l.StatusCol, l.NFindings, l.Open, l.Accepted,
		l.Previously, l.NewCol, l.ResolvedCol, l.Affected, l.Impact, l.Likelihood, l.Score, l.LevelCol,
		l.Owner, l.CheckID, l.Sheet}
	headerRow := b.add(strAny(header))
	b.style(xlsxkit.Cell(1, headerRow), xlsxkit.Cell(len(header), headerRow), x.header)
	var order []int
	for _, g := range groupByArea(run.Checks) {
		for _, i := range g.Checks {
			b.add(x.checkRow(run.Checks[i], sheets[i]))
			order = append(order, i)
		}
	}
	if err := x.setRows(sh, 1, b.rows); err != nil {
		return err
	}
	// On paper the table is the columns up to the owner, on A4 landscape
	// at a readable size: titles and statuses wrap in narrower columns,
	// the counts and scores have their headings turned upright.
	widths := colWidths(b.rows[headerRow-1:], 1)
	col := func(label string) int { return slices.Index(header, label) }
	for label, w := range map[string]float64{l.Area: 18, l.Check: 40, l.StatusCol: 16, l.Affected: 12, l.Owner: 18} {
		widths[col(label)] = min(widths[col(label)], w)
	}
	upright := []int{col(l.NFindings), col(l.Open), col(l.Accepted), col(l.Previously), col(l.NewCol),
		col(l.ResolvedCol), col(l.Impact), col(l.Likelihood), col(l.Score)}
	for _, c := range upright {
		widths[c] = uprightWidth
	}
	if err := xlsxkit.SetColWidths(f, sh, widths); err != nil {
		return err
	}
	last := headerRow + len(order)
	if len(order) > 0 {
		if err := f.AutoFilter(sh, xlsxkit.Cell(1, headerRow)+":"+xlsxkit.Cell(len(header), last), nil); err != nil {
			return err
		}
		if err := x.styleBody(sh, b.rows, headerRow+1, last, widths); err != nil {
			return err
		}
	}
	for _, st := range b.styles {
		if err := f.SetCellStyle(sh, st.from, st.to, st.id); err != nil {
			return err
		}
	}
	for _, c := range upright {
		if err := x.styleCell(sh, xlsxkit.Cell(c+1, headerRow), x.headerUp); err != nil {
			return err
		}
	}
	if trend > 0 {
		// "Deze audit (01-09-2026)" wraps in the narrow third column, a
		// long area's name in the first.
		if err := xlsxkit.SetRowHeight(f, sh, trend, 4*lineHeight); err != nil {
			return err
		}
		for r := trend + 1; r <= len(b.rows) && len(b.rows[r-1]) > 0; r++ {
			name, _ := b.rows[r-1][0].(string)
			if n := wrappedLines(name, int(widths[0])-2); n > 1 {
				if err := x.styleCell(sh, xlsxkit.Cell(1, r), x.wrap); err != nil {
					return err
				}
				if err := xlsxkit.SetRowHeight(f, sh, r, float64(n*lineHeight)); err != nil {
					return err
				}
			}
		}
	}
	upHeight := 0
	for _, c := range upright {
		upHeight = max(upHeight, xlsxkit.TextWidth(header[c]))
	}
	if err := xlsxkit.SetRowHeight(f, sh, headerRow, float64(upHeight)*6.5+8); err != nil {
		return err
	}
	levelCol := slices.Index(header, l.LevelCol) + 1
	for n, i := range order {
		row := headerRow + 1 + n
		if lv := checkLevel(run.Checks[i]); lv != "" {
			if err := x.styleCell(sh, xlsxkit.Cell(levelCol, row), x.levelStyle(lv)); err != nil {
				return err
			}
		}
		if sheets[i] == "" {
			continue
		}
		// Not on the title: LibreOffice does not wrap a linked cell's text.
		c := xlsxkit.Cell(len(header), row)
		if err := f.SetCellHyperLink(sh, c, xlsxkit.SheetRef(sheets[i])+"!A1", "Location"); err != nil {
			return err
		}
		if err := x.styleCell(sh, c, x.link); err != nil {
			return err
		}
	}
	if trend > 0 {
		if err := x.trendChart(sh, chartAt, trend, trendSeries, trendMax); err != nil {
			return err
		}
	}
	if err := x.printSetup(sh, x.reportTitle, ""); err != nil {
		return err
	}
	ref := xlsxkit.SheetRef(sh) + "!"
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sh,
		RefersTo: ref + absRange(1, 1, col(l.Owner)+1, max(last, headerRow))}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sh,
		RefersTo: ref + "$" + strconv.Itoa(headerRow) + ":$" + strconv.Itoa(headerRow)}); err != nil {
		return err
	}
	// The overview on the first page, the table of checks from the next.
	return f.InsertPageBreak(sh, xlsxkit.Cell(1, tableTitle))
}

// uprightWidth is the width (in characters) of the summary's columns of
// counts and scores, under upright headings.
const uprightWidth = 6

// absRange is the absolute reference $A$1:$Q$60 of the cells from (c1, r1)
// to (c2, r2).
func absRange(c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	b, _ := excelize.CoordinatesToCellName(c2, r2, true)
	return a + ":" + b
}

// printSetup prints sheet sh on A4 landscape, one page wide, with small
// margins, title (and the English id, when given) in the page header and
// the page number in the footer, so that a printed page says what it is.
func (x *xlsxWriter) printSetup(sh, title, id string) error {
	if err := xlsxkit.PrintA4Landscape(x.f, sh); err != nil {
		return err
	}
	side, topBottom, edge := 0.4, 0.6, 0.3
	if err := x.f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &topBottom, Bottom: &topBottom, Header: &edge, Footer: &edge,
	}); err != nil {
		return err
	}
	head := "&L&\"" + fontFamily + ",Bold\"" + headerText(title)
	if id != "" {
		head += "&R" + headerText(id)
	}
	return x.f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddHeader: head,
		OddFooter: "&L" + headerText(x.reportTitle+" · "+x.run.Organisation) + "&R" + fmt.Sprintf(x.l.PageOf, "&P", "&N"),
	})
}

// headerText is s for a page header or footer: an ampersand is written
// twice, as Excel reads one as the start of a code; at most 80 characters
// (Excel allows 255 for all three parts of a header together).
func headerText(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// totals are the summary's figures, one label and number a row.
func (x *xlsxWriter) totals() [][]any {
	l, s := x.l, x.run.Summary
	rows := [][]any{
		{l.Checks, s.Checks},
		{l.ChecksRun, s.ChecksRun},
		{l.ChecksWithFindings, s.ChecksWithIssue},
		{l.ChecksPassed, s.ChecksRun - s.ChecksWithIssue},
		{l.ChecksNotRun, s.ChecksNotRun},
		{l.ChecksFailed, s.ChecksFailed},
		{l.Findings, s.Findings},
		{l.OpenFindings, s.Open},
		{l.AcceptedFindings, s.Accepted},
	}
	if x.run.Previous != nil {
		rows = append(rows,
			[]any{l.NewFindings, s.New},
			[]any{l.PersistingFindings, s.Persisting},
			[]any{l.ResolvedFindings, s.Resolved})
	}
	for _, sc := range l.severityCounts(results.Summary{BySeverity: s.OpenBySeverity}) {
		rows = append(rows, []any{l.OpenOfSeverity + " " + sc.Label, sc.Count})
	}
	n := levelCounts(x.run.Checks)
	for _, lv := range levels {
		rows = append(rows, []any{l.ChecksAtLevel + " " + l.level(lv), n[lv]})
	}
	return append(rows,
		[]any{l.RowsLoaded, s.RowsLoaded},
		[]any{l.RowsRejected, s.RowsRejected})
}

// trendTable adds the findings per area, then and now, to the summary. It
// returns the sheet row of the table's header (0 when there is no table),
// the number of series (columns after the area's name) and the largest
// count.
func (x *xlsxWriter) trendTable(b *summaryBlock) (headerRow, series, most int) {
	l, run := x.l, x.run
	trends := areaTrends(run.Checks, groupByArea(run.Checks))
	if len(trends) == 0 {
		return 0, 0, 0
	}
	title := b.add([]any{l.TrendChart})
	b.style(xlsxkit.Cell(1, title), xlsxkit.Cell(1, title), x.title)
	header := []any{l.Area}
	if run.Previous != nil {
		header = append(header, l.PreviousAudit+" ("+l.shortDate(run.Previous.AsOf)+")")
	}
	header = append(header, l.ThisAudit+" ("+l.shortDate(run.AsOf)+")")
	headerRow = b.add(header)
	b.style(xlsxkit.Cell(1, headerRow), xlsxkit.Cell(len(header), headerRow), x.header)
	for _, t := range trends {
		row := []any{l.area(t.Code)}
		if run.Previous != nil {
			row = append(row, t.Previous)
		}
		r := b.add(append(row, t.Now))
		// The counts at the top of their row, level with an area's name
		// that wraps onto two lines.
		b.style(xlsxkit.Cell(2, r), xlsxkit.Cell(len(row)+1, r), x.top)
		most = max(most, t.Previous, t.Now)
	}
	return headerRow, len(header) - 1, most
}

// trendChart draws the trend table that starts at headerRow as a bar chart
// anchored at cell at: one bar per area and series. The value axis counts
// in whole steps, about five of them up to most.
func (x *xlsxWriter) trendChart(sh, at string, headerRow, series, most int) error {
	rows, err := x.f.GetRows(sh)
	if err != nil {
		return err
	}
	last := headerRow
	for last < len(rows) && len(rows[last]) > 0 && rows[last][0] != "" {
		last++
	}
	ref := xlsxkit.SheetRef(sh) + "!"
	colours := []string{strings.TrimPrefix(brandColour, "#")}
	if series == 2 {
		colours = []string{strings.TrimPrefix(previousColour, "#"), colours[0]}
	}
	var ss []excelize.ChartSeries
	for i := 0; i < series; i++ {
		col, _ := excelize.ColumnNumberToName(2 + i)
		ss = append(ss, excelize.ChartSeries{
			Name:       ref + "$" + col + "$" + strconv.Itoa(headerRow),
			Categories: ref + "$A$" + strconv.Itoa(headerRow+1) + ":$A$" + strconv.Itoa(last),
			Values:     ref + "$" + col + "$" + strconv.Itoa(headerRow+1) + ":$" + col + "$" + strconv.Itoa(last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
		})
	}
	vary := false
	return x.f.AddChart(sh, at, &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: &vary,
		Series:     ss,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: x.l.TrendChart}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 560, Height: 360},
		// The areas' names and the counts in the text's colour: the default
		// light grey did not read on paper.
		XAxis:    excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: "1F2D3D", Size: 9}},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Color: "1F2D3D", Size: 9}},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
		Format:   excelize.GraphicOptions{OffsetX: 20},
	})
}

// checkRow is a check's row in the summary's table of checks.
func (x *xlsxWriter) checkRow(c results.Check, sheet string) []any {
	l := x.l
	n := countFindings(c)
	var previous, newer, resolved any
	if x.run.Previous != nil {
		newer, resolved = n.New, c.NResolved()
		if c.Previous != nil {
			previous = c.Previous.Findings
		}
	}
	row := []any{l.area(c.Area), l.pick(c.Title), l.severity(c.Severity),
		strings.Join(append([]string{l.status(c)}, l.warnings(c)...), "; "),
		c.NFindings(), n.Open, n.Accepted, previous, newer, resolved}
	if r := c.Risk; r != nil {
		owner := r.Owner
		if owner == "" {
			owner = l.NoOwner
		}
		row = append(row, l.affected(r), r.Impact, r.Likelihood, r.Score, l.level(checkLevel(c)), owner)
	} else {
		row = append(row, l.NotScored, nil, nil, nil, "", "")
	}
	return append(row, c.ID, sheet)
}

// matrix writes the risk matrix: impact 5 to 1 down, likelihood 1 to 5
// along, each cell filled with its level's colour and listing its checks.
func (x *xlsxWriter) matrix() error {
	l, f, run := x.l, x.f, x.run
	sh := l.SheetMatrix
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	cells := riskMatrix(run.Checks)
	rows := [][]any{{l.MatrixTitle}, {l.MatrixCaption}, {l.MatrixCorner, 1, 2, 3, 4, 5}}
	for imp := matrixSize; imp >= 1; imp-- {
		row := []any{imp}
		for lik := 1; lik <= matrixSize; lik++ {
			var titles []string
			for _, i := range cells[imp-1][lik-1] {
				titles = append(titles, "• "+l.pick(run.Checks[i].Title))
			}
			row = append(row, strings.Join(titles, "\n"))
		}
		rows = append(rows, row)
	}
	var calm []string
	for _, c := range run.Checks {
		if c.Risk != nil && c.Risk.Likelihood == 0 {
			calm = append(calm, l.pick(c.Title))
		}
	}
	rows = append(rows, nil, []any{l.LevelBands})
	if len(calm) > 0 {
		rows = append(rows, []any{l.NoRiskNow + ": " + strings.Join(calm, "; ")})
	}
	if err := x.setRows(sh, 1, rows); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "A", "A", 22); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "F", matrixColWidth); err != nil {
		return err
	}
	for _, st := range []cellStyle{{"A1", "A1", x.title}, {"A3", "F3", x.axis}, {"A4", "A8", x.axis}} {
		if err := f.SetCellStyle(sh, st.from, st.to, st.id); err != nil {
			return err
		}
	}
	for r := 0; r < matrixSize; r++ {
		imp := matrixSize - r
		lines := 1
		for lik := 1; lik <= matrixSize; lik++ {
			if err := x.styleCell(sh, xlsxkit.Cell(lik+1, 4+r), x.levelStyle(risk.LevelOf(imp*lik))); err != nil {
				return err
			}
			n := 0
			for _, i := range cells[imp-1][lik-1] {
				n += wrappedLines("• "+l.pick(run.Checks[i].Title), matrixColWidth-2)
			}
			lines = max(lines, n)
		}
		if err := xlsxkit.SetRowHeight(f, sh, 4+r, float64(max(2, lines)*lineHeight)); err != nil {
			return err
		}
	}
	return x.printSetup(sh, l.MatrixTitle, "")
}

// matrixColWidth is the width of the risk matrix's columns: five of them
// and the impact's fit across A4 landscape.
const matrixColWidth = 28

// levelStyle is the style of a cell showing risk level lv.
func (x *xlsxWriter) levelStyle(lv string) int {
	if id, ok := x.level[lv]; ok {
		return id
	}
	return x.top
}

func (x *xlsxWriter) styleCell(sh, c string, id int) error {
	return x.f.SetCellStyle(sh, c, c, id)
}

// findingHeader heads a sheet of findings: with locations each finding's
// file, row and table; always the key, with names the child's name, then
// location, group, trend, acceptance and message, then the check's own
// columns.
func (x *xlsxWriter) findingHeader(c results.Check, names bool) []string {
	l := x.l
	var h []string
	if x.showLocations {
		h = []string{l.File, l.Row, l.Table}
	}
	h = append(h, l.Key)
	if names {
		h = append(h, l.Child)
	}
	h = append(h, l.Location, l.Group, l.TrendCol, l.Acceptance, l.Message)
	return append(h, l.columnHeadings(c)...)
}

// findingRow is a finding's row under findingHeader.
func (x *xlsxWriter) findingRow(c results.Check, fd results.Finding, names bool) []any {
	l := x.l
	var row []any
	if x.showLocations {
		row = []any{fd.File, xlsxkit.RowNumber(fd.Row), fd.Table}
	}
	row = append(row, fd.RecordKey)
	if names {
		row = append(row, fd.ChildName)
	}
	row = append(row, l.orUnknown(fd.Location), l.orUnknown(fd.Group), l.trend(fd.Trend),
		l.findingAcceptance(fd.Acceptance), l.pick(fd.Message))
	return append(row, strAny(l.values(c, fd.Values))...)
}

// namesChildren says whether a table of findings (of n, read by at) has a
// column for the names of the children their records are about: in a
// report that shows them, when one of the findings names a child.
func (x *xlsxWriter) namesChildren(n int, at func(int) results.Finding) bool {
	if !x.showNames {
		return false
	}
	for i := range n {
		if at(i).ChildName != "" {
			return true
		}
	}
	return false
}

func (x *xlsxWriter) check(sh string, c results.Check) error {
	names := x.namesChildren(c.NFindings(), c.FindingAt)
	x.page = &[2]string{x.l.pick(c.Title), c.ID}
	defer func() { x.page = nil }()
	// Made as they are written: a check's findings can be many.
	return x.tableOf(sh, x.findingHeader(c, names), rowSource{c.NFindings(), func(i int) []any { return x.findingRow(c, c.FindingAt(i), names) }})
}

// resolved lists, for the FG, the previous run's findings that are gone.
func (x *xlsxWriter) resolved() error {
	l := x.l
	names := false
	for _, c := range x.run.Checks {
		names = names || x.namesChildren(c.NResolved(), c.ResolvedAt)
	}
	header := []string{l.Check, l.File, l.Row, l.Table, l.Key, l.Location, l.Group, l.Message}
	if names {
		header = slices.Insert(header, 5, l.Child)
	}
	var rows [][]any
	for _, c := range x.run.Checks {
		for i := range c.NResolved() {
			fd := c.ResolvedAt(i)
			row := []any{x.checkName(c.ID), fd.File, xlsxkit.RowNumber(fd.Row), fd.Table, fd.RecordKey,
				l.orUnknown(fd.Location), l.orUnknown(fd.Group), l.pick(fd.Message)}
			if names {
				row = slices.Insert(row, 5, any(fd.ChildName))
			}
			rows = append(rows, row)
		}
	}
	return x.table(l.ResolvedFindings, header, rows)
}

// explained explains each check, in the summary's order: why it matters,
// what to do and the rule it applies. The summary leaves these long texts
// out, so that its table of checks fits a page's width readably.
func (x *xlsxWriter) explained() error {
	l := x.l
	header := []string{l.Check, l.CheckID, l.SevLabel, l.Why, l.Fix, l.Source}
	titled := titledRefs(l, x.run.Checks)
	var rows [][]any
	for _, g := range groupByArea(x.run.Checks) {
		for _, i := range g.Checks {
			c := x.run.Checks[i]
			rows = append(rows, []any{l.pick(c.Title), c.ID, l.severity(c.Severity),
				titled(l.pick(c.Why)), titled(l.pick(c.Fix)), c.Source})
		}
	}
	// Narrower than maxColWidth: the three texts side by side on A4.
	x.caps = map[int]float64{1: 32, 4: 42, 5: 42, 6: 32}
	defer func() { x.caps = nil }()
	return x.table(l.SheetExplained, header, rows)
}

func (x *xlsxWriter) locations() error {
	l := x.l
	header := []string{l.Location, l.Group, l.Open, l.Accepted, l.Total}
	var rows [][]any
	for _, r := range locationRows(x.run.Checks) {
		rows = append(rows, []any{l.orUnknown(r.Location), l.orUnknown(r.Group), r.Open, r.Accepted, r.Open + r.Accepted})
	}
	return x.table(l.SheetLocations, header, rows)
}

func (x *xlsxWriter) acceptances() error {
	l := x.l
	sh := l.AcceptancesTitle
	header := []string{l.ID, l.StatusCol, l.Check, l.RecordKeyPattern, l.Justification, l.LegalBasis,
		l.ApprovedBy, l.ApprovedOn, l.ExpiresOn, l.Matched, l.Where}
	var rows [][]any
	for _, a := range x.run.Acceptances {
		rows = append(rows, []any{a.ID, l.acceptanceStatus(a.Status), x.checkName(a.CheckID), a.RecordKey, a.Justification,
			a.LegalBasis, a.ApprovedBy, dateCell(a.ApprovedOn), dateCell(a.ExpiresOn), a.Matched, a.Source})
	}
	return x.table(sh, header, rows, map[int]int{
		slices.Index(header, l.ApprovedOn) + 1: x.date, slices.Index(header, l.ExpiresOn) + 1: x.date})
}

// checkName names the check id for a reader: its title in the report's
// language with the id after it, "Foto in het ouderportaal zonder
// toestemming (photo_without_consent)"; an id the run has no check of (a
// register entry's mistake) as it is.
func (x *xlsxWriter) checkName(id string) string {
	for _, c := range x.run.Checks {
		if c.ID == id {
			if t := x.l.pick(c.Title); t != "" {
				return t + " (" + id + ")"
			}
		}
	}
	return id
}

// dateCell is a date (YYYY-MM-DD) as a date cell, or the text as it is when
// it is not such a date.
func dateCell(s string) any {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return d
}

func (x *xlsxWriter) inputs() error {
	l := x.l
	header := []string{l.System, l.Product, l.File, l.Sheet, l.Table, l.RowsRead, l.RowsLoaded,
		l.RowsRejected, l.ShareRejected, l.SkippedColumns, l.NeededColumns, l.UnusedColumns, l.SHA256}
	rows := make([][]any, 0, len(x.run.Inputs))
	for _, in := range x.run.Inputs {
		var share any
		if in.RowsRead > 0 {
			share = float64(in.RowsRejected) / float64(in.RowsRead)
		}
		rows = append(rows, []any{in.System, in.Product, in.File, in.Sheet, in.Table,
			in.RowsRead, in.RowsLoaded, in.RowsRejected, share, l.pick(results.ShortList(in.SkippedColumns, maxListed)),
			strings.Join(in.NeededColumns, ", "), strings.Join(in.UnusedColumns, ", "), in.SHA256})
	}
	return x.table(l.Files, header, rows, map[int]int{slices.Index(header, l.ShareRejected) + 1: x.percent})
}

func (x *xlsxWriter) rejects() error {
	l := x.l
	header := []string{l.File, l.Sheet, l.Row, l.Column, l.Value, l.Reason}
	rows := make([][]any, 0, len(x.run.Rejects))
	for _, r := range x.run.Rejects {
		rows = append(rows, []any{r.File, r.Sheet, xlsxkit.RowNumber(r.Row), r.Column, r.Value, l.pick(r.Reason)})
	}
	if n := x.run.RejectsNotListed(); n > 0 {
		rows = append(rows, []any{fmt.Sprintf(l.RejectsNotListed, n), "", "", "", "", ""})
	}
	return x.table(l.Rejects, header, rows)
}

func (x *xlsxWriter) policy() error {
	l := x.l
	header := []string{l.Setting, l.Value, l.Explanation}
	rows := make([][]any, 0, len(x.run.Policy))
	for _, p := range x.run.Policy {
		rows = append(rows, []any{p.Name, p.Value, l.pick(p.Doc)})
	}
	return x.table(l.Policy, header, rows)
}

// method writes how the audit was made, one item a row: the as-of date,
// the run compared with, the pseudonymisation, the risk method, each
// check's source (the rule it applies) and each input's SHA-256.
func (x *xlsxWriter) method() error {
	l, run := x.l, x.run
	rows := [][]any{{l.AsOf, l.date(run.Date, run.AsOf)}, {l.MadeWith, tool(run.Tool)}}
	if p := run.Previous; p != nil {
		rows = append(rows,
			[]any{l.PreviousRun, l.date(p.Date, p.AsOf) + " · " + p.File + " · " + tool(p.Tool) + " · " +
				l.SchemaVersion + " " + strconv.Itoa(p.SchemaVersion)},
			[]any{l.PreviousRun + " " + l.SHA256, p.SHA256})
	} else {
		rows = append(rows, []any{l.PreviousRun, l.NoPreviousRun})
	}
	pseudonyms := l.NoPseudonyms
	if ps := run.Pseudonymisation; ps != nil {
		pseudonyms = fmt.Sprintf(l.PseudonymNote, ps.Method, ps.KeyID)
	}
	rows = append(rows,
		[]any{l.Pseudonymisation, pseudonyms},
		[]any{l.RiskScore, l.RiskMethod + " " + l.LevelBands},
	)
	for _, c := range run.Checks {
		rows = append(rows, []any{l.Check + ": " + x.checkName(c.ID), c.Source})
	}
	for _, in := range run.Inputs {
		name := in.File
		if in.Sheet != "" {
			name += " [" + in.Sheet + "]"
		}
		rows = append(rows, []any{l.File + " " + name, l.SHA256 + " " + in.SHA256})
	}
	return x.table(l.MethodTitle, []string{l.Item, l.Value}, rows)
}

// table writes a new sheet holding one table: a styled, frozen header row
// with an autofilter, and columns as wide as their content allows. colStyle
// gives some columns (1-based) a style of their own (dates, percentages).
// The rows are streamed (excelize's StreamWriter): memory does not grow
// with them. A table longer than a sheet can hold goes on over sheets
// named "sh (2)", "sh (3)", ..., each with the header.
func (x *xlsxWriter) table(sh string, header []string, rows [][]any, colStyle ...map[int]int) error {
	return x.tableOf(sh, header, rowSource{len(rows), func(i int) []any { return rows[i] }}, colStyle...)
}

// rowSource gives a table's n rows one at a time, row(i) for i from 0: a
// table of many findings is made twice over (for the column widths, then
// as it is written) rather than held whole.
type rowSource struct {
	n   int
	row func(i int) []any
}

// tableOf is table with its rows from src.
func (x *xlsxWriter) tableOf(sh string, header []string, src rowSource, colStyle ...map[int]int) error {
	per := maxSheetRows - 1
	for part, from := 1, 0; part == 1 || from < src.n; part, from = part+1, from+per {
		name := sh
		if part > 1 {
			suffix := " (" + strconv.Itoa(part) + ")"
			name = truncUTF16(sh, maxSheetName-len(suffix)) + suffix
		}
		var styles map[int]int
		if len(colStyle) > 0 {
			styles = colStyle[0]
		}
		rows := rowSource{min(from+per, src.n) - from, func(i int) []any { return src.row(from + i) }}
		if err := x.tablePart(name, header, rows, styles); err != nil {
			return err
		}
	}
	return nil
}

// maxSheetRows is the number of rows of an Excel sheet (a variable for the
// tests).
var maxSheetRows = excelize.TotalRows

func (x *xlsxWriter) tablePart(sh string, header []string, rows rowSource, colStyle map[int]int) error {
	f := x.f
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	// What the stream writer cannot set comes first, on the empty sheet:
	// the filter (its range known from the number of rows), the page.
	if err := f.AutoFilter(sh, "A1:"+xlsxkit.Cell(len(header), max(rows.n+1, 2)), nil); err != nil {
		return err
	}
	title, id := sh, ""
	if x.page != nil {
		title, id = x.page[0], x.page[1]
	}
	if err := x.printSetup(sh, title, id); err != nil {
		return err
	}
	// The header row is printed again on every page.
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sh,
		RefersTo: xlsxkit.SheetRef(sh) + "!$1:$1"}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	head := strAny(header)
	// One pass over the rows for the column widths and the columns whose
	// text wraps (a value wider than its column may be: maxColWidth, or
	// the narrower width the table asks for in caps), as colWidths measures.
	widths := colWidths([][]any{head}, 1)
	cols, widest := len(header), map[int]int{}
	for i := range rows.n {
		row := rows.row(i)
		cols = max(cols, len(row))
		for c, v := range row {
			for len(widths) <= c {
				widths = append(widths, minColWidth)
			}
			w := xlsxkit.TextWidth(v) + 2
			widths[c] = max(widths[c], min(float64(w), maxColWidth))
			widest[c] = max(widest[c], w)
		}
	}
	for c, w := range x.caps {
		if c-1 < len(widths) {
			widths[c-1] = min(widths[c-1], w)
		}
	}
	wrapAt := func(c int) int {
		if c < len(widths) {
			return int(widths[c])
		}
		return maxColWidth
	}
	long := map[int]bool{}
	for c, w := range widest {
		if w > wrapAt(c) {
			long[c] = true
		}
	}
	// Last column first: excelize keeps them in the opposite order, and
	// readers want <col> elements in ascending order.
	for c := len(widths) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, widths[c]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	cells := make([]any, len(header))
	for c, h := range head {
		cells[c] = excelize.Cell{StyleID: x.header, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	// The body's cells are aligned to the top; the text of a column that
	// holds a value wider than maxColWidth wraps, and a row with wrapped
	// text is made tall enough for it (readers do not agree on fitting
	// rows to wrapped text when the file opens: LibreOffice does not).
	style := make([]int, cols)
	for c := range style {
		style[c] = x.top
		if long[c] {
			style[c] = x.wrap
		}
		if id, ok := colStyle[c+1]; ok {
			style[c] = id
		}
	}
	for r := range rows.n {
		row := rows.row(r)
		if len(row) == 0 {
			continue
		}
		cells := make([]any, cols)
		lines := 1
		for c := range cells {
			var v any
			if c < len(row) && row[c] != "" {
				v = row[c]
			}
			id := style[c]
			if s, ok := v.(string); ok {
				if long[c] {
					lines = max(lines, wrappedLines(s, wrapAt(c)-2))
				}
				// Text from the exports that starts like a formula stays
				// text when edited in Excel (see xlsxkit.QuoteFormulaLike).
				if xlsxkit.FormulaLike(s) {
					if x.quoted == nil {
						x.quoted = map[int]int{}
					}
					var err error
					if id, err = xlsxkit.QuotedStyle(f, id, x.quoted); err != nil {
						return err
					}
				}
			}
			cells[c] = excelize.Cell{StyleID: id, Value: v}
		}
		var opts []excelize.RowOpts
		if lines > 1 {
			// At most Excel's 409 points (see xlsxkit.SetRowHeight).
			opts = append(opts, excelize.RowOpts{Height: min(float64(lines*lineHeight), excelize.MaxRowHeight)})
		}
		if err := sw.SetRow(xlsxkit.Cell(1, r+2), cells, opts...); err != nil {
			return err
		}
	}
	x.streamed = append(x.streamed, sh)
	return sw.Flush()
}

func (x *xlsxWriter) setRows(sh string, first int, rows [][]any) error {
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		if err := x.f.SetSheetRow(sh, xlsxkit.Cell(1, first+i), &row); err != nil {
			return err
		}
	}
	return nil
}

// colWidths sizes each column to its longest value, between minColWidth
// and maxColWidth. Rows before fromRow (a title block) count only for the
// first two columns, so that a long title does not widen a table column.
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
			widths[c] = max(widths[c], min(float64(xlsxkit.TextWidth(v)+2), maxColWidth))
		}
	}
	return widths
}

// styleBody aligns the cells of rows first to last to the top, wraps the
// text of the columns that hold a value wider than maxColWidth, and makes
// those rows tall enough for the wrapped text. Readers do not agree on fitting rows to wrapped text
// when the file opens (LibreOffice does not), so the height is set here,
// estimated from the text's length.
func (x *xlsxWriter) styleBody(sh string, rows [][]any, first, last int, widths []float64) error {
	if last < first {
		return nil
	}
	width := func(c int) int {
		if c < len(widths) {
			return int(widths[c])
		}
		return maxColWidth
	}
	long := map[int]bool{}
	cols := 1
	for r := first - 1; r < last && r < len(rows); r++ {
		cols = max(cols, len(rows[r]))
		for c, v := range rows[r] {
			if xlsxkit.TextWidth(v)+2 > width(c) {
				long[c] = true
			}
		}
	}
	if err := x.f.SetCellStyle(sh, xlsxkit.Cell(1, first), xlsxkit.Cell(cols, last), x.top); err != nil {
		return err
	}
	for c := range long {
		if err := x.f.SetCellStyle(sh, xlsxkit.Cell(c+1, first), xlsxkit.Cell(c+1, last), x.wrap); err != nil {
			return err
		}
	}
	for r := first - 1; r < last && r < len(rows); r++ {
		lines := 1
		for c, v := range rows[r] {
			if s, ok := v.(string); ok && long[c] {
				lines = max(lines, wrappedLines(s, width(c)-2))
			}
		}
		if lines > 1 {
			if err := xlsxkit.SetRowHeight(x.f, sh, r+1, float64(lines*lineHeight)); err != nil {
				return err
			}
		}
	}
	return nil
}

func strAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// maxSheetName is Excel's limit, counted in UTF-16 code units.
const maxSheetName = 31

// checkSheetNames names the sheet of each check that ran or has findings,
// and "" for the others. A name is the check's title in the report's
// language (its id when it has none) made valid for Excel: no []:*?/\
// characters, no quote at either end, at most 31 characters (a longer
// title is shortened, see shortTitle), and unique, ignoring case, among
// the checks and the reserved names.
func checkSheetNames(checks []results.Check, reserved []string, title func(results.Check) string) []string {
	taken := map[string]bool{"history": true} // Excel reserves "History"
	for _, r := range reserved {
		taken[strings.ToLower(r)] = true
	}
	names := make([]string, len(checks))
	for i, c := range checks {
		if c.NFindings() == 0 && !c.Ran() {
			continue
		}
		base := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
				return '_'
			}
			return r
		}, cmp.Or(strings.TrimSpace(title(c)), c.ID))
		base = strings.Trim(base, "' ")
		if base == "" {
			base = "check"
		}
		name := shortTitle(base, maxSheetName)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" #%d", n) // not " (2)": that is a long table's next sheet
			name = strings.TrimRight(shortTitle(base, maxSheetName-len(suffix)), "'") + suffix
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// fillers are the words a title longer than a sheet name can do without.
var fillers = map[string]bool{"de": true, "het": true, "een": true, "the": true, "a": true, "an": true}

// shortTitle shortens title to at most n UTF-16 code units: without its
// articles first, then cut after a whole word with an ellipsis ("Foto in
// ouderportaal zonder…"); a single word too long is cut where it must.
func shortTitle(title string, n int) string {
	if utf16Len(title) <= n {
		return title
	}
	var kept []string
	for i, w := range strings.Fields(title) {
		if i == 0 || !fillers[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	s := strings.Join(kept, " ")
	if utf16Len(s) <= n {
		return s
	}
	cut := truncUTF16(s, n-1)
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.:;'-(") + "…"
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
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

// wrappedLines estimates the lines s takes in a column width characters
// wide. The width is counted in Calibri's digits, which are wider than
// its average letter: a line holds about a third more letters than the
// width (xlsxkit.WrappedLines counts one letter a digit, and rows came
// out nearly twice as tall as their text on paper).
func wrappedLines(s string, width int) int {
	return xlsxkit.WrappedLines(s, width*4/3)
}

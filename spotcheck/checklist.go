package spotcheck

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/xlsxkit"
)

// Method is what the method sheet says besides the sample itself: where
// the records came from and how to draw them again.
type Method struct {
	Organisation string
	AsOf         string // the reference date, YYYY-MM-DD
	Inputs       []results.Input
	Version      string // avgaudit's version
	Command      string // the command line that draws the same sample again
}

// Layout of the checklist, in Excel's character units and points.
const (
	fontFamily   = "Calibri"
	minColWidth  = 6
	maxColWidth  = 45
	lineHeight   = 15 // one line of 11 pt Calibri
	minBodyLines = 2  // room to write by hand on a printout
	// serialMinDate and serialMaxDate bound the date the FG enters
	// (2000-01-01 and 2099-12-31 as Excel serials).
	serialMinDate = 36526
	serialMaxDate = 73050
)

// WriteChecklist writes s as an Excel workbook to w, in lang ("nl" or
// "en"). The first sheet lists the sampled records with what the systems
// say and empty columns for the FG, with drop-down lists for the yes/no
// questions; it prints on A4 landscape with the header row on every page.
// The second sheet says how the sample was drawn and how to draw it again.
// The workbook's content depends only on s, m and lang (its zip bytes do
// not: compare workbooks by reopening them).
func WriteChecklist(w io.Writer, s *Sample, m Method, lang string) error {
	l, err := labelsFor(lang)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	c := &checklist{f: f, l: l, s: s, m: m}
	if err := c.write(); err != nil {
		return fmt.Errorf("write checklist: %w", err)
	}
	// Cells from the exports that start like a formula stay text when
	// edited in Excel.
	if err := xlsxkit.QuoteFormulaLike(f); err != nil {
		return fmt.Errorf("write checklist: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write checklist: %w", err)
	}
	return nil
}

type checklist struct {
	f *excelize.File
	l *labels
	s *Sample
	m Method

	header, body, wrap, fill, date, title, bold, value int // style ids
}

func (c *checklist) write() error {
	if err := c.styles(); err != nil {
		return err
	}
	if err := c.f.SetSheetName(c.f.GetSheetName(0), c.l.SampleSheet); err != nil {
		return err
	}
	if err := c.records(); err != nil {
		return fmt.Errorf("sheet %s: %w", c.l.SampleSheet, err)
	}
	if err := c.method(); err != nil {
		return fmt.Errorf("sheet %s: %w", c.l.MethodSheet, err)
	}
	c.f.SetActiveSheet(0)
	return c.docProps()
}

func (c *checklist) styles() error {
	var err error
	newStyle := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = c.f.NewStyle(s)
		return id
	}
	font := &excelize.Font{Family: fontFamily, Size: 11}
	grid := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	c.header = newStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontFamily, Size: 11, Color: "1F2D3D"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    grid,
		Alignment: wrap,
	})
	c.body = newStyle(&excelize.Style{Font: font, Border: grid, Alignment: top})
	c.wrap = newStyle(&excelize.Style{Font: font, Border: grid, Alignment: wrap})
	// The FG's columns: a light fill says "fill in here".
	input := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8DC"}}
	c.fill = newStyle(&excelize.Style{Font: font, Border: grid, Alignment: wrap, Fill: input})
	c.date = newStyle(&excelize.Style{Font: font, Border: grid, Alignment: top, Fill: input, CustomNumFmt: &c.l.DateFormat})
	c.title = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 14, Color: "1F2D3D"}})
	c.bold = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily, Size: 11}, Alignment: top})
	c.value = newStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left", WrapText: true}})
	return err
}

// fgColumn is a column the FG fills in.
type fgColumn struct {
	heading string
	width   float64
	answers bool // a yes/no/n.a. drop-down
	date    bool
}

func (c *checklist) fgColumns() []fgColumn {
	l := c.l
	var cols []fgColumn
	if c.s.Consent {
		cols = append(cols, fgColumn{heading: l.ConsentForm, width: 16, answers: true})
	}
	return append(cols,
		fgColumn{heading: l.Matches, width: 16, answers: true},
		fgColumn{heading: l.Remark, width: 40},
		fgColumn{heading: l.CheckedBy, width: 20},
		fgColumn{heading: l.CheckedOn, width: 14, date: true},
	)
}

// records writes the sheet of sampled records.
func (c *checklist) records() error {
	f, l, s := c.f, c.l, c.s
	sh := l.SampleSheet
	named := slices.ContainsFunc(s.Records, func(r Record) bool { return r.Child != "" })
	header := []any{l.No, l.System, l.Table, l.Key, l.File, l.Row}
	if named { // the child's name next to the record key
		header = slices.Insert(header, 4, any(l.Child))
	}
	for _, col := range s.Columns {
		header = append(header, l.pick(col))
	}
	given := len(header) // columns with what the systems say
	fg := c.fgColumns()
	for _, col := range fg {
		header = append(header, col.heading)
	}
	rows := [][]any{header}
	for i, r := range s.Records {
		row := []any{i + 1, c.product(r.System), r.Table, mask(r.Key), mask(r.File), xlsxkit.RowNumber(r.Row)}
		if named {
			row = slices.Insert(row, 4, any(mask(r.Child)))
		}
		for _, v := range r.Values {
			row = append(row, values.MaskContactsInText(l.pick(v)))
		}
		rows = append(rows, row)
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sh, xlsxkit.Cell(1, i+1), &row); err != nil {
			return err
		}
	}
	last := len(rows)
	widths := colWidths(rows[1:], header[:given])
	for _, col := range fg {
		widths = append(widths, max(col.width, float64(longestWord(col.heading)+2)))
	}
	if err := xlsxkit.SetColWidths(f, sh, widths); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", xlsxkit.Cell(len(header), 1), c.header); err != nil {
		return err
	}
	if err := xlsxkit.SetRowHeight(f, sh, 1, float64(headerLines(header, widths)*lineHeight)); err != nil {
		return err
	}
	if last > 1 {
		if err := c.styleRecords(sh, rows, widths, given, fg); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := f.AutoFilter(sh, "A1:"+xlsxkit.Cell(len(header), max(last, 2)), nil); err != nil {
		return err
	}
	return c.pageSetup(sh, true)
}

// styleRecords styles the record rows: borders, wrapped long text, the
// FG's columns filled and validated, rows tall enough for their text.
func (c *checklist) styleRecords(sh string, rows [][]any, widths []float64, given int, fg []fgColumn) error {
	f := c.f
	last := len(rows)
	for col := 1; col <= given; col++ {
		style := c.body
		if widths[col-1] >= maxColWidth {
			style = c.wrap
		}
		if err := f.SetCellStyle(sh, xlsxkit.Cell(col, 2), xlsxkit.Cell(col, last), style); err != nil {
			return err
		}
	}
	for i, col := range fg {
		n := given + i + 1
		style := c.fill
		if col.date {
			style = c.date
		}
		if err := f.SetCellStyle(sh, xlsxkit.Cell(n, 2), xlsxkit.Cell(n, last), style); err != nil {
			return err
		}
		if err := c.validate(sh, xlsxkit.Cell(n, 2)+":"+xlsxkit.Cell(n, last), col); err != nil {
			return err
		}
	}
	for r := 1; r < last; r++ {
		lines := minBodyLines
		for col, v := range rows[r] {
			if str, ok := v.(string); ok && col < given {
				lines = max(lines, xlsxkit.WrappedLines(str, int(widths[col])-1))
			}
		}
		if err := xlsxkit.SetRowHeight(f, sh, r+1, float64(lines*lineHeight)); err != nil {
			return err
		}
	}
	return nil
}

// validate adds the drop-down list or the date check of an FG column.
func (c *checklist) validate(sh, sqref string, col fgColumn) error {
	l := c.l
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	switch {
	case col.answers:
		if err := dv.SetDropList(l.Answers); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, l.AnswerTitle, l.AnswerPrompt)
	case col.date:
		if err := dv.SetRange(serialMinDate, serialMaxDate, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, l.DateTitle, l.DatePrompt)
	default:
		return nil
	}
	return c.f.AddDataValidation(sh, dv)
}

// pageSetup prints sh on A4 landscape, one page wide, with what was
// sampled and the page number in the margins and, when repeatHeader is
// set, the header row on every page.
func (c *checklist) pageSetup(sh string, repeatHeader bool) error {
	f := c.f
	if err := xlsxkit.PrintA4Landscape(f, sh); err != nil {
		return err
	}
	if repeatHeader {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: xlsxkit.SheetRef(sh) + "!$1:$1", Scope: sh,
		}); err != nil {
			return err
		}
	}
	head := headerFooterText(c.l.Title + " – " + c.population())
	return f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + head + "&R" + headerFooterText(c.l.Seed+" "+c.seed()),
		OddFooter: "&L" + headerFooterText(c.m.Organisation) + "&R" + c.l.Page,
	})
}

// method writes the sheet that says how the sample was drawn.
func (c *checklist) method() error {
	f, l, s, m := c.f, c.l, c.s, c.m
	sh := l.MethodSheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	drawn := strconv.Itoa(len(s.Records))
	if s.All() {
		drawn = fmt.Sprintf(l.DrawnAll, s.Population)
	}
	facts := [][2]string{
		{l.Organisation, mask(m.Organisation)},
		{l.Population, c.population()},
		{l.AsOf, l.date(m.AsOf)},
		{l.Seed, c.seed()},
		{l.SizeAsked, strconv.Itoa(s.Size)},
		{l.PopulationSize, fmt.Sprintf(l.Records, s.Population)},
		{l.Drawn, drawn},
		{l.Method, l.MethodText},
		{l.Redraw, m.Command},
		{l.Version, m.Version},
	}
	widths := []float64{22, 14, 40, 22, 22, 15, 68}
	if err := xlsxkit.SetColWidths(f, sh, widths); err != nil {
		return err
	}
	if err := c.setRow(sh, 1, []any{l.Title}, c.title); err != nil {
		return err
	}
	valueWidth := 0.0
	for _, w := range widths[1:] {
		valueWidth += w
	}
	for i, fact := range facts {
		r := i + 3
		if err := c.setRow(sh, r, []any{fact[0], fact[1]}, c.bold); err != nil {
			return err
		}
		if err := f.MergeCell(sh, xlsxkit.Cell(2, r), xlsxkit.Cell(len(widths), r)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, xlsxkit.Cell(2, r), xlsxkit.Cell(len(widths), r), c.value); err != nil {
			return err
		}
		if err := xlsxkit.SetRowHeight(f, sh, r, float64(xlsxkit.WrappedLines(fact[1], int(valueWidth))*lineHeight)); err != nil {
			return err
		}
	}
	if err := c.inputs(sh, len(facts)+4); err != nil {
		return err
	}
	return c.pageSetup(sh, false)
}

// inputs lists the files read, with their SHA-256, from row first of sh.
func (c *checklist) inputs(sh string, first int) error {
	l := c.l
	if err := c.setRow(sh, first, []any{l.Inputs}, c.bold); err != nil {
		return err
	}
	header := []any{l.System, l.Product, l.File, l.Sheet, l.Table, l.RowsLoaded, l.SHA256}
	if err := c.setRow(sh, first+1, header, c.header); err != nil {
		return err
	}
	for i, in := range c.m.Inputs {
		row := []any{in.System, in.Product, mask(in.File), mask(in.Sheet), in.Table, in.RowsLoaded, in.SHA256}
		if err := c.setRow(sh, first+2+i, row, c.body); err != nil {
			return err
		}
	}
	return nil
}

func (c *checklist) setRow(sh string, r int, row []any, style int) error {
	if err := c.f.SetSheetRow(sh, xlsxkit.Cell(1, r), &row); err != nil {
		return err
	}
	return c.f.SetCellStyle(sh, xlsxkit.Cell(1, r), xlsxkit.Cell(len(row), r), style)
}

// docProps sets fixed document properties: the date is the as-of date,
// never the time of writing, so the same sample gives the same workbook.
func (c *checklist) docProps() error {
	p := &excelize.DocProperties{
		Creator:        "avgaudit " + c.m.Version,
		LastModifiedBy: "avgaudit " + c.m.Version,
		Title:          c.l.Title,
		Subject:        c.m.Organisation,
		Language:       map[string]string{"nl": "nl-NL", "en": "en-GB"}[c.l.Lang],
	}
	if _, err := time.Parse(time.DateOnly, c.m.AsOf); err == nil {
		p.Created = c.m.AsOf + "T00:00:00Z"
		p.Modified = p.Created
	}
	return c.f.SetDocProps(p)
}

// population says what the sample was drawn from.
func (c *checklist) population() string {
	l, s := c.l, c.s
	switch s.Kind {
	case KindCheck:
		return fmt.Sprintf(l.PopulationCheck, s.Name, l.pick(s.Title))
	case KindTable:
		return fmt.Sprintf(l.PopulationTable, s.Name)
	}
	return l.PopulationAll
}

// seed is the seed as text: a number that large may not fit a spreadsheet
// number exactly.
func (c *checklist) seed() string { return strconv.FormatUint(c.s.Seed, 10) }

// product names a system by the product the inputs give it (Kidsadmin),
// else by its code (admin).
func (c *checklist) product(system string) string {
	for _, in := range c.m.Inputs {
		if in.System == system && in.Product != "" {
			return in.Product
		}
	}
	return system
}

// mask hides the BSNs in a value from the audited data: the findings and
// rows are masked already; this is the last line of defence.
func mask(s string) string { return values.MaskBSNsInText(s) }

// colWidths sizes each column to its heading and values, between
// minColWidth and maxColWidth.
func colWidths(rows [][]any, header []any) []float64 {
	widths := make([]float64, len(header))
	for i, h := range header {
		widths[i] = max(minColWidth, min(float64(longestWord(h.(string))+2), maxColWidth))
	}
	for _, row := range rows {
		for i := range min(len(row), len(widths)) {
			widths[i] = max(widths[i], min(float64(xlsxkit.TextWidth(row[i])+2), maxColWidth))
		}
	}
	return widths
}

// headerLines is how many lines the tallest (wrapped) heading takes.
func headerLines(header []any, widths []float64) int {
	lines := 1
	for i, h := range header {
		lines = max(lines, xlsxkit.WrappedLines(h.(string), int(widths[i])-1))
	}
	return lines
}

func longestWord(s string) int {
	w := 0
	for _, word := range strings.Fields(s) {
		w = max(w, utf8.RuneCountInString(word))
	}
	return w
}

// headerFooterText escapes & for a page header or footer, where it starts
// a code.
func headerFooterText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

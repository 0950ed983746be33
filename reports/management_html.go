package reports

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/avgaudit/avgaudit/audience"
)

// The management page has its own template and styles; it shares the
// ECharts library, the chart script (templates/chart.js, which draws the
// option in #chart-option into the element with id chartID) and so the
// Content-Security-Policy with the other reports.
//
//go:embed templates/management.html.tmpl templates/management.css
var mgmtFS embed.FS

var (
	mgmtPageTmpl = template.Must(template.New("management.html.tmpl").
			Funcs(template.FuncMap{"hyphenate": hyphenate}).
			ParseFS(mgmtFS, "templates/management.html.tmpl"))
	mgmtCSS = mustReadFS(mgmtFS, "templates/management.css")
)

func mustReadFS(fsys embed.FS, name string) string {
	b, err := fsys.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Colours of the trend chart: the previous audit in grey, this one in the
// report's blue.
const (
	trendNowColour  = "#1f5fad"
	trendPrevColour = "#9aa7b4"
	inexactOpacity  = 0.45
)

// mgmtPage is what templates/management.html.tmpl sees. As in htmlPage,
// only the fields of the trusted types hold anything unescaped: the
// package's own embedded assets.
type mgmtPage struct {
	*mgmtView
	L         *labels
	M         *mgmtLabels
	CSP       string
	CSS       template.CSS
	EchartsJS template.JS
	ChartJS   template.JS

	ChartID     string
	ChartHeight string
	ChartOption map[string]any // nil when no check ran
}

// ManagementHTMLReporter writes rapport-bestuur.html: one self-contained
// page: a first page of conclusions, then the trend, the risk matrix, all
// checks, the accepted risks, the completeness of the data and how to read
// it all.
type ManagementHTMLReporter struct{}

// Write writes the management summary s as an HTML page.
func (ManagementHTMLReporter) Write(w io.Writer, s *audience.Summary, opt Options) error {
	v, err := newMgmtView(s, opt)
	if err != nil {
		return err
	}
	page := mgmtPage{
		mgmtView:  v,
		L:         v.T.l,
		M:         v.T.m,
		CSP:       csp,
		CSS:       template.CSS(mgmtCSS),
		EchartsJS: template.JS(echartsJS),
		ChartJS:   template.JS(chartJS),
		ChartID:   mgmtChartID,
	}
	page.ChartOption, page.ChartHeight = trendChartOption(v)

	var buf bytes.Buffer
	if err := mgmtPageTmpl.Execute(&buf, page); err != nil {
		return fmt.Errorf("write management html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write management html: %w", err)
	}
	return nil
}

// mgmtChartID is the id of the management report's trend chart.
const mgmtChartID = "avgaudit-management-trend"

// trendChartOption builds the ECharts option of the trend chart with
// go-echarts: per area that ran, a horizontal bar for the previous audit
// and one for this audit. A count that is not exact ("< 5", a range) is
// drawn lighter at the middle of its range and labelled as the report
// shows it; the tooltip is off, so no drawn value is shown as a number.
func trendChartOption(v *mgmtView) (map[string]any, string) {
	var areas []mgmtArea
	var names []string
	for _, a := range v.Areas {
		if !a.NotRun {
			areas = append(areas, a)
			names = append(names, a.Name)
		}
	}
	if len(areas) == 0 {
		return nil, ""
	}
	m := v.T.m
	compared := v.PreviousAsOf != ""
	perArea := 26
	if compared {
		perArea = 44
	}
	height := strconv.Itoa(max(160, 60+perArea*len(areas))) + "px"

	bar := charts.NewBar()
	bar.SetGlobalOptions(
		chartInit(mgmtChartID, height),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(false)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0",
			TextStyle: &opts.TextStyle{FontSize: 12, Color: "#34495e"}}),
		charts.WithGridOpts(opts.Grid{Left: "0", Right: "56", Top: "34", Bottom: "4", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1,
			AxisLabel: &opts.AxisLabel{Color: "#5d6d7e"},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#e5e8eb"}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 230, Overflow: "truncate", FontSize: 12, Color: "#1f2d3d"}}),
	)
	bar.SetXAxis(names)
	if compared {
		data := make([]opts.BarData, len(areas))
		for i, a := range areas {
			data[i] = trendBar(a.ChartPrev, a.ChartPrevExact, a.ChartPrevLabel, a.HasPrevious)
		}
		addTrendSeries(bar, fmt.Sprintf(m.SeriesPrev, v.PreviousAsOf), trendPrevColour, data)
	}
	data := make([]opts.BarData, len(areas))
	for i, a := range areas {
		data[i] = trendBar(a.ChartNow, a.ChartNowExact, a.ChartNowLabel, true)
	}
	addTrendSeries(bar, fmt.Sprintf(m.SeriesNow, v.AsOf), trendNowColour, data)
	bar.XYReversal()
	bar.Validate()
	return bar.JSON(), height
}

// trendBar is one bar: its value, its label as the report shows the count,
// and a lighter fill when the value is only the middle of a range.
func trendBar(value float64, exact bool, label string, known bool) opts.BarData {
	if !known {
		return opts.BarData{Value: "-"} // ECharts' "no value": no bar, no label
	}
	d := opts.BarData{Value: value, Label: &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: label,
		Color: "#1f2d3d", FontWeight: "bold"}}
	if !exact {
		d.ItemStyle = &opts.ItemStyle{Opacity: opts.Float(inexactOpacity)}
	}
	return d
}

func addTrendSeries(bar *charts.Bar, name, colour string, data []opts.BarData) {
	bar.AddSeries(name, data,
		charts.WithBarChartOpts(opts.BarChart{BarGap: "15%", BarCategoryGap: "30%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colour}),
	)
}

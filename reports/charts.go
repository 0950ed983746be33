package reports

import (
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
)

// The report's charts are built with go-echarts as option values, not as
// text: the template writes each as JSON into a non-executed <script
// type="application/json">, escaping it, and templates/chart.js hands it to
// ECharts. go-echarts' own renderers would load the library from its asset
// host and put the option into script text unescaped. Each chart gets a
// fixed id: go-echarts makes up a random one otherwise, and a random id
// would make every report differ.
const (
	matrixChartID = "avgaudit-risk-matrix"
	trendChartID  = "avgaudit-trend-chart"
)

// htmlChart is one chart of the page: its element's id and height, the id
// of the <script> holding its option, the option, and what a screen reader
// says for it (the page has each chart's figures as a table too).
type htmlChart struct {
	ID     string
	DataID string
	Height string
	Label  string
	Option map[string]any
}

// Colours of the charts, matching templates/style.css.
const (
	inkColour      = "#1f2d3d"
	mutedColour    = "#5d6d7e"
	gridColour     = "#e5e8eb"
	brandColour    = "#1f5fad"
	previousColour = "#aab7c4"
)

// chartInit is the part of every chart's option that go-echarts calls
// initialisation: a fixed id, the width of its box and an SVG renderer,
// which stays sharp in print and when zoomed.
func chartInit(id, height string) charts.GlobalOpts {
	return charts.WithInitializationOpts(opts.Initialization{
		ChartID: id, Width: "100%", Height: height, Renderer: "svg",
	})
}

// matrixChart draws the 5×5 risk matrix as a heatmap: likelihood along,
// impact up, each cell coloured by the level of its score and labelled
// with the number of checks in it (empty cells unlabelled).
func matrixChart(l *labels, cells [matrixSize][matrixSize][]int) *htmlChart {
	const height = "380px"
	axis := make([]string, matrixSize)
	for i := range axis {
		axis[i] = strconv.Itoa(i + 1)
	}
	var data []opts.HeatMapData
	for imp := 0; imp < matrixSize; imp++ {
		for lik := 0; lik < matrixSize; lik++ {
			// ECharts reads the label from the name ("{b}"); a space rather
			// than "" (which JSON leaves out) keeps an empty cell blank
			// instead of showing its axis value.
			name := " "
			if n := len(cells[imp][lik]); n > 0 {
				name = strconv.Itoa(n)
			}
			data = append(data, opts.HeatMapData{Name: name, Value: [3]int{lik, imp, (imp + 1) * (lik + 1)}})
		}
	}
	// One piece per level, over the scores 1–25 that risk.LevelOf gives it.
	var pieces []opts.Piece
	for score, last := 1, ""; score <= matrixSize*matrixSize; score++ {
		if lv := risk.LevelOf(score); lv != last {
			pieces = append(pieces, opts.Piece{Min: float32(score), Color: levelColours[lv]})
			last = lv
		}
		pieces[len(pieces)-1].Max = float32(score)
	}

	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		chartInit(matrixChartID, height),
		charts.WithAnimation(false), // the screenshot and the printout show the final chart
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(false)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "56", Right: "16", Top: "16", Bottom: "48"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: axis, Name: l.Likelihood, NameLocation: "middle", NameGap: 30,
			AxisLabel: &opts.AxisLabel{Color: mutedColour, FontSize: 13},
			AxisTick:  &opts.AxisTick{Show: opts.Bool(false)},
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: axis, Name: l.Impact, NameLocation: "middle", NameGap: 34,
			AxisLabel: &opts.AxisLabel{Color: mutedColour, FontSize: 13},
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		// The visual map colours by the value's last dimension, the score.
		charts.WithVisualMapOpts(opts.VisualMap{Type: "piecewise", Show: opts.Bool(false), Pieces: pieces}),
	)
	hm.SetXAxis(axis)
	hm.AddSeries(l.MatrixTitle, data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}", FontSize: 18,
			FontWeight: "bold", Color: inkColour}),
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 3}),
	)
	hm.Validate()
	return &htmlChart{ID: matrixChartID, DataID: matrixChartID + "-option", Height: height, Label: l.MatrixTitle, Option: hm.JSON()}
}

// trendChart draws the findings per area: one horizontal bar for this
// audit and, with a previous run, one for that run beside it. It returns
// nil when neither run has findings.
func trendChart(l *labels, trends []areaTrend, previous *results.PreviousRun, asOf time.Time, rawAsOf string) *htmlChart {
	if len(trends) == 0 {
		return nil
	}
	height := strconv.Itoa(max(200, 90+36*len(trends)*map[bool]int{true: 2, false: 1}[previous != nil])) + "px"
	names := make([]string, len(trends))
	now := make([]opts.BarData, len(trends))
	before := make([]opts.BarData, len(trends))
	for i, t := range trends {
		names[i] = l.area(t.Code)
		now[i] = opts.BarData{Value: t.Now}
		before[i] = opts.BarData{Value: t.Previous}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		chartInit(trendChartID, height),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0",
			TextStyle: &opts.TextStyle{FontSize: 13, Color: "#34495e"}}),
		charts.WithGridOpts(opts.Grid{Left: "0", Right: "40", Top: "40", Bottom: "4", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1,
			AxisLabel: &opts.AxisLabel{Color: mutedColour},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColour}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 260, Overflow: "truncate", FontSize: 13, Color: inkColour}}),
	)
	bar.SetXAxis(names)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: inkColour, FontWeight: "bold"})
	if previous != nil {
		bar.AddSeries(l.PreviousAudit+" ("+l.date(previous.Date, previous.AsOf)+")", before, label,
			charts.WithItemStyleOpts(opts.ItemStyle{Color: previousColour}))
	}
	bar.AddSeries(l.ThisAudit+" ("+l.date(asOf, rawAsOf)+")", now, label,
		charts.WithItemStyleOpts(opts.ItemStyle{Color: brandColour}))
	bar.XYReversal()
	bar.Validate()
	return &htmlChart{ID: trendChartID, DataID: trendChartID + "-option", Height: height, Label: l.TrendChart, Option: bar.JSON()}
}

package reports

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/avgaudit/avgaudit/results"
)

// HTMLReporter writes rapport.html: one self-contained page that opens
// offline and asks for nothing over the network. Styles, the chart library
// (Apache ECharts, assets/echarts.min.js) and the chart's data are inlined,
// and a Content-Security-Policy allows only the page's own two scripts, by
// hash, so even a value that slipped past escaping could not run or load
// anything.
//
// The output is deterministic: the same run gives the same bytes.
type HTMLReporter struct{}

//go:embed templates/report.html.tmpl templates/style.css templates/chart.js
var templateFS embed.FS

// echartsJS is Apache ECharts 5.6.0, dist/echarts.min.js of the npm package
// echarts@5.6.0 (Apache-2.0; assets/LICENSE and assets/NOTICE).
//
//go:embed assets/echarts.min.js
var echartsJS string

// chartID is the id of the chart's element. go-echarts makes up a random id
// unless it is given one, and a random id would make every report differ.
const chartID = "avgaudit-findings-chart"

var (
	pageTmpl = template.Must(template.New("report.html.tmpl").ParseFS(templateFS, "templates/report.html.tmpl"))
	styleCSS = mustRead("templates/style.css")
	chartJS  = mustRead("templates/chart.js")
	// csp allows the two inline scripts by their hash and nothing else to
	// run or be fetched; inline styles are needed for the page's own
	// <style> and for the style attributes ECharts sets on its SVG.
	csp = "default-src 'none'; script-src " + scriptHash(echartsJS) + " " + scriptHash(chartJS) +
		"; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)

func mustRead(name string) string {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func scriptHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// severityColours are the colours of the severity badges and chart bars.
var severityColours = map[string]string{
	"high":   "#c0392b",
	"medium": "#e67e22",
	"low":    "#d4ac0d",
	"info":   "#2e86c1",
}

const otherColour = "#7f8c8d"

// htmlPage is what the template sees. Every string in it is data to be
// escaped, except the fields of the trusted types (template.CSS and
// template.JS), which hold the package's own embedded assets only.
type htmlPage struct {
	L            *labels
	Organisation string
	AsOf         string
	Tool         string
	CSP          string
	CSS          template.CSS
	EchartsJS    template.JS
	ChartJS      template.JS

	Summary    results.Summary
	Passed     int
	Severities []severityCount
	Checks     []htmlCheck

	ChartID     string
	ChartHeight string
	ChartOption map[string]any // nil when there are no findings

	Inputs  []htmlInput
	Rejects []results.Reject
	// RejectsNotListed says how many rejects were left out; empty if none.
	RejectsNotListed string
	Policy           []results.Param
}

type htmlCheck struct {
	Anchor        string
	ID            string
	Title         string
	SevClass      string
	SeverityLabel string
	Area          string
	Source        string
	Why           string
	Fix           string
	Status        string // passed, findings, not_run, error
	StatusLabel   string // the label with its reason
	Warnings      []string
	StatusClass   string
	Columns       []string
	Findings      []htmlFinding
}

type htmlFinding struct {
	File    string
	Row     string
	Table   string
	Key     string
	Message string
	Values  []string
}

type htmlInput struct {
	results.Input
	Skipped string
}

// Write writes run as an HTML page.
func (HTMLReporter) Write(w io.Writer, run *results.Run, opt Options) error {
	if opt.Audience == results.AudienceManagement {
		return writeManagementHTML(w, run, opt)
	}
	l, err := labelsFor(opt)
	if err != nil {
		return err
	}
	run = prepare(run)
	page := htmlPage{
		L:            l,
		Organisation: run.Organisation,
		AsOf:         l.date(run.AsOf),
		Tool:         tool(run.Tool),
		CSP:          csp,
		CSS:          template.CSS(styleCSS),
		EchartsJS:    template.JS(echartsJS),
		ChartJS:      template.JS(chartJS),
		Summary:      run.Summary,
		Passed:       run.Summary.ChecksRun - run.Summary.ChecksWithIssue,
		Severities:   l.severityCounts(run.Summary),
		ChartID:      chartID,
		Rejects:      run.Rejects,
		Policy:       run.Policy,
	}
	if n := run.RejectsNotListed(); n > 0 {
		page.RejectsNotListed = fmt.Sprintf(l.RejectsNotListed, n)
	}
	anchors := anchorIDs(run.Checks)
	for i, c := range run.Checks {
		hc := htmlCheck{
			Anchor:        anchors[i],
			ID:            c.ID,
			Title:         l.pick(c.Title),
			SevClass:      classFor(c.Severity, severityColours),
			SeverityLabel: l.severity(c.Severity),
			Area:          c.Area,
			Source:        c.Source,
			Why:           l.pick(c.Why),
			Fix:           l.pick(c.Fix),
			Status:        c.Status,
			StatusLabel:   l.status(c),
			Warnings:      l.warnings(c),
			StatusClass:   classFor(c.Status, l.Status),
			Columns:       l.columnHeadings(c),
		}
		for _, f := range c.Findings {
			hc.Findings = append(hc.Findings, htmlFinding{
				File:    f.File,
				Row:     rowText(f.Row),
				Table:   f.Table,
				Key:     f.RecordKey,
				Message: l.pick(f.Message),
				Values:  padded(f.Values, len(c.Columns)),
			})
		}
		page.Checks = append(page.Checks, hc)
	}
	for _, in := range run.Inputs {
		page.Inputs = append(page.Inputs, htmlInput{in, strings.Join(in.SkippedColumns, ", ")})
	}
	page.ChartOption, page.ChartHeight = chartOption(l, run.Checks)

	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, page); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// chartOption builds the ECharts option of the findings chart with
// go-echarts: one horizontal bar per check with findings, one stacked
// series per severity. It returns the option as a value, not as text: the
// template writes it as JSON into a non-executed <script
// type="application/json">, escaping it, and templates/chart.js hands it to
// ECharts. go-echarts' own renderers would load the library from its asset
// host and put the option into script text unescaped.
func chartOption(l *labels, checks []results.Check) (map[string]any, string) {
	var titles []string
	var charted []results.Check
	for _, c := range checks {
		if len(c.Findings) > 0 {
			titles = append(titles, l.pick(c.Title))
			charted = append(charted, c)
		}
	}
	if len(charted) == 0 {
		return nil, ""
	}
	height := strconv.Itoa(max(180, 70+38*len(charted))) + "px"

	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{
			ChartID:  chartID,
			Width:    "100%",
			Height:   height,
			Renderer: "svg", // sharp in print and when zoomed
		}),
		charts.WithAnimation(false), // the screenshot and the printout show the final chart
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0",
			TextStyle: &opts.TextStyle{FontSize: 13, Color: "#34495e"}}),
		charts.WithGridOpts(opts.Grid{Left: "0", Right: "40", Top: "40", Bottom: "4",
			ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1,
			AxisLabel: &opts.AxisLabel{Color: "#5d6d7e"},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#e5e8eb"}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 300, Overflow: "truncate", FontSize: 13, Color: "#1f2d3d"}}),
	)
	bar.SetXAxis(titles)
	for _, sc := range l.severityCounts(summaryOf(charted)) {
		if sc.Count == 0 && severityColours[sc.Key] == "" {
			continue
		}
		data := make([]opts.BarData, len(charted))
		for i, c := range charted {
			data[i] = opts.BarData{Value: "-"} // "-" is ECharts' "no value": no bar, no label
			if c.Severity == sc.Key {
				data[i].Value = len(c.Findings)
			}
		}
		colour := severityColours[sc.Key]
		if colour == "" {
			colour = otherColour
		}
		bar.AddSeries(sc.Label, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "findings", BarWidth: "60%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colour}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right",
				Color: "#1f2d3d", FontWeight: "bold"}),
		)
	}
	bar.XYReversal()
	bar.Validate()
	return bar.JSON(), height
}

func summaryOf(checks []results.Check) results.Summary {
	r := results.Run{Checks: checks}
	r.Summarise()
	return r.Summary
}

// classFor returns key as a CSS class suffix when it is one of known's keys,
// and "other" for anything else, so no data ends up in a class name.
func classFor[V any](key string, known map[string]V) string {
	if _, ok := known[key]; ok {
		return strings.ReplaceAll(key, "_", "-")
	}
	return "other"
}

// anchorIDs gives each check an HTML id made from its check id: lower-case
// letters, digits and hyphens, unique within the page.
func anchorIDs(checks []results.Check) []string {
	seen := map[string]bool{}
	out := make([]string, len(checks))
	for i, c := range checks {
		var b strings.Builder
		for _, r := range strings.ToLower(c.ID) {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				b.WriteRune(r)
			default:
				b.WriteByte('-')
			}
		}
		base := "check-" + strings.Trim(b.String(), "-")
		id := base
		for n := 2; seen[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		seen[id] = true
		out[i] = id
	}
	return out
}

func rowText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

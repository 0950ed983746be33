package reports

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A4 in CSS pixels (96 per inch) less the margins of templates/management.css
// (@page: 14 mm left and right, 14 mm top, 16 mm bottom).
const (
	mmToPx       = 96 / 25.4
	a4TextWidth  = 687 // (210 - 2*14) * mmToPx, rounded down
	a4TextHeight = (297 - 14 - 16) * mmToPx
)

// TestMgmtHTMLInBrowser opens the management report in headless Chromium:
// no console errors, no requests, the trend chart drawn with its "< 5"
// labels, the 25 cells of the risk matrix, the top risks; then, as printed
// on A4, nothing wider than the paper and the conclusions on the first page.
func TestMgmtHTMLInBrowser(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			chart := "#" + mgmtChartID
			b := openInBrowser(t, renderMgmt(t, ManagementHTMLReporter{}, mgmtFixture(t), mgmtOpt(lang)), chart+" svg")

			if n := b.count(t, `document.querySelectorAll("table.risk-matrix td.cell").length`); n != 25 {
				t.Errorf("the risk matrix has %d cells, want 25", n)
			}
			if n := b.count(t, `document.querySelectorAll("table.risk-matrix td.cell li").length`); n != 6 {
				t.Errorf("the risk matrix names %d checks, want the 6 with open findings", n)
			}
			if n := b.count(t, `document.querySelectorAll("table.top-risks tbody tr").length`); n != 5 {
				t.Errorf("the top risks table has %d rows, want 5", n)
			}
			// Without the soft hyphens that let an owner break between the
			// parts of a compound (Locatie-manager).
			top := strings.ReplaceAll(b.text(t, `document.querySelector("table.top-risks tbody tr").innerText`), "\u00ad", "")
			want := map[string][]string{"nl": {"Foto's zonder toestemming", "Locatiemanager", "kritiek", "open"},
				"en": {"Photos without consent", "Locatiemanager", "critical", "open"}}[lang]
			for _, w := range want {
				if !strings.Contains(top, w) {
					t.Errorf("the first top risk %q lacks %q", top, w)
				}
			}
			if n := b.count(t, `document.querySelectorAll("table.areas tbody tr").length`); n != 8 {
				t.Errorf("the area table has %d rows, want 8", n)
			}
			labels := b.text(t, `document.querySelector("`+chart+` svg").textContent`)
			for _, w := range []string{"< 5", "7–10", "9"} {
				if !strings.Contains(labels, w) {
					t.Errorf("the trend chart lacks the label %q: %q", w, labels)
				}
			}
			if n := b.count(t, `document.querySelectorAll("`+chart+` svg path").length`); n == 0 {
				t.Error("the trend chart has no shapes")
			}

			if n := b.count(t, `Array.from(document.querySelectorAll(".table-wrap")).filter(w => w.scrollWidth > w.clientWidth).length`); n > 0 {
				t.Errorf("on screen %d tables are wider than the page and scroll", n)
			}

			b.printA4(t)
			if n := b.count(t, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); n > 0 {
				t.Errorf("printed on A4 the page is %d px wider than the paper", n)
			}
			if n := b.count(t, `Array.from(document.querySelectorAll("table, .chart svg, .cards")).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length`); n > 0 {
				t.Errorf("printed on A4, %d tables or charts stick out of the paper", n)
			}
			first := float64(b.count(t, `Math.ceil(document.getElementById("conclusions").getBoundingClientRect().height)`))
			if first > a4TextHeight {
				t.Errorf("the conclusions are %.0f px high printed; one A4 page holds %.0f", first, a4TextHeight)
			}
			pages, sizes := b.pdf(t)
			if pages < 2 {
				t.Errorf("the printed report has %d pages, want the conclusions alone on the first and the rest after", pages)
			}
			for _, s := range sizes {
				if s != "A4" {
					t.Errorf("a printed page is %s, want A4 portrait", s)
				}
			}

			for _, p := range b.seen() {
				t.Error(p)
			}
		})
	}
}

// text evaluates a JavaScript expression that yields a string.
func (b *browser) text(t *testing.T, expr string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return s
}

// printA4 lays the page out as it prints: print media, a viewport as wide
// as the text area of an A4 page.
func (b *browser) printA4(t *testing.T) {
	t.Helper()
	err := chromedp.Do(b.ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
		chromedp.EmulateViewport(a4TextWidth, 1000),
		// Let the chart redraw at the new width (chart.js listens to resize).
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[int](`new Promise(r => setTimeout(() => requestAnimationFrame(() => r(1)), 100))`,
				chromedp.EvalAwaitPromise)(ctx, tg)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("emulate print: %v", err)
	}
}

var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

// pdf prints the page with the page size of its CSS and returns the number
// of pages and the size of each ("A4" for A4 portrait). It keeps the PDF
// for a person to look at.
func (b *browser) pdf(t *testing.T) (int, []string) {
	t.Helper()
	res, err := chromedp.Run(b.ctx, chromedp.Action[*page.PrintToPDFResult](func(ctx context.Context, tg *chromedp.Target) (*page.PrintToPDFResult, error) {
		yes := true
		r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
		return &r, err
	}))
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if f, err := os.CreateTemp("", "avgaudit-rapport-bestuur-*.pdf"); err == nil {
		f.Write(res.Data)
		f.Close()
		t.Logf("PDF: %s", f.Name())
	}
	var sizes []string
	for _, m := range mediaBox.FindAllStringSubmatch(string(res.Data), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		size := m[1] + "×" + m[2] + " pt"
		if abs(w-595.28) < 1.5 && abs(h-841.89) < 1.5 {
			size = "A4"
		}
		sizes = append(sizes, size)
	}
	return len(sizes), sizes
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

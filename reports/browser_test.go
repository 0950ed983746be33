package reports

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/xlsxkit/xlsxtest"
)

const chromiumPath = "/usr/bin/chromium"

// browser is a headless Chromium with a page opened from a file:// URL, and
// the problems seen while it loaded.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

// openInBrowser writes html to a temporary file and opens it in headless
// Chromium, waiting for waitFor (a CSS selector) when it is not empty. It
// records console errors, exceptions, error log entries (a blocked request
// or a CSP violation is one), dialogs (an injected script would open one)
// and every request for anything but the file itself or a data:/blob: URL.
// The browser lives until the test ends, at most 30 seconds.
func openInBrowser(t *testing.T, html []byte, waitFor string) *browser {
	t.Helper()
	xlsxtest.NeedTool(t, chromiumPath)

	dir := t.TempDir()
	file := filepath.Join(dir, "rapport.html")
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: file}).String()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)

	b := &browser{ctx: bctx}
	err := chromedp.Listen(bctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					var s string
					if json.Unmarshal([]byte(a.Value), &s) != nil {
						s = string(a.Value) + a.Description
					}
					args = append(args, s)
				}
				b.note("console error: " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			b.note("exception: " + text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				b.note("log error (" + string(ev.Entry.Source) + "): " + ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if u != pageURL && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				b.note("request: " + u)
			}
		case *page.EventJavascriptDialogOpening:
			b.note("dialog: " + ev.Message)
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(pageURL)}
	if waitFor != "" {
		steps = append(steps, chromedp.WaitVisible(chromedp.CSS(waitFor)))
	}
	if err := chromedp.Do(bctx, steps...); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	return b
}

func (b *browser) note(s string) {
	b.mu.Lock()
	b.problems = append(b.problems, s)
	b.mu.Unlock()
}

// seen returns the problems recorded so far, after a moment for late
// events: they arrive on their own goroutine.
func (b *browser) seen() []string {
	time.Sleep(200 * time.Millisecond)
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// count evaluates a JavaScript expression that yields a number.
func (b *browser) count(t *testing.T, expr string) int {
	t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return n
}

// strings evaluates a JavaScript expression that yields an array of
// strings.
func (b *browser) strings(t *testing.T, expr string) []string {
	t.Helper()
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return out
}

// a4Width is the width of a landscape A4 page inside the print margins of
// templates/style.css (297 mm less 2 × 12 mm), in CSS pixels (96 per inch).
const a4Width = 1032

// printAtA4 lays the page out as it prints: print media at the width of an
// A4 page, and the charts told a print is coming, as a browser does.
func (b *browser) printAtA4(t *testing.T) {
	t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatalf("emulate print media: %v", err)
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: a4Width, Height: 1000, DeviceScaleFactor: 1}); err != nil {
		t.Fatalf("emulate an A4 page's width: %v", err)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.dispatchEvent(new Event("beforeprint"))`)); err != nil {
		t.Fatalf("tell the page a print is coming: %v", err)
	}
}

// overflow returns what sticks out of the page horizontally: the page's
// own overflow, and with inBox every table or chart wider than <main> (on
// screen a wide table may scroll inside its box; on paper nothing can).
func (b *browser) overflow(t *testing.T, inBox bool) []string {
	t.Helper()
	return b.strings(t, `((inBox) => {
		const out = [];
		const doc = document.documentElement;
		if (doc.scrollWidth > doc.clientWidth) {
			out.push("the page is " + (doc.scrollWidth - doc.clientWidth) + " px wider than the window");
		}
		const main = document.querySelector("main").getBoundingClientRect();
		for (const el of inBox ? document.querySelectorAll("main table, main .chart") : []) {
			const r = el.getBoundingClientRect();
			if (r.right > main.right + 1) {
				out.push((el.className || el.tagName) + " ends " + Math.round(r.right - main.right) + " px past the page");
			}
		}
		return out;
	})(`+strconv.FormatBool(inBox)+`)`)
}

// renderAll lays out every check: the page leaves those not scrolled near
// unrendered (content-visibility: auto), and innerText, sizes and
// screenshots see only what is rendered. A reader scrolling or searching
// the page gets them rendered as they come near.
func (b *browser) renderAll(t *testing.T) {
	t.Helper()
	if n := b.count(t, `[...document.querySelectorAll(".check")].map(c => c.style.contentVisibility = "visible").length`); n == 0 {
		t.Log("no checks on the page")
	}
}

// screenshot saves a picture of the whole page for a person to look at.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := os.CreateTemp("", "avgaudit-"+name+"-*.png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := shot.Write(png); err != nil {
		t.Fatal(err)
	}
	if err := shot.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot.Name())
}

// chartsDrawn waits for both charts: ECharts draws them into <svg>.
const chartsDrawn = "#" + matrixChartID + " svg, #" + trendChartID + " svg"

// TestHTMLInBrowser opens the report of each audience in headless
// Chromium from a file:// URL and checks that it works offline: nothing
// reported by openInBrowser, both charts drawn by ECharts, the matrix
// table with its 25 cells, a row for every finding (with its file and row
// in the FG report) and nothing wider than the page, on screen or printed
// on A4. It leaves screenshots for a person to look at.
func TestHTMLInBrowser(t *testing.T) {
	for _, aud := range audiences {
		t.Run(aud.name, func(t *testing.T) {
			run := aud.fixture(t)
			b := openInBrowser(t, render(t, HTMLReporter{}, run, testOpt{Audience: aud.name}), chartsDrawn)
			b.renderAll(t)
			for _, id := range []string{matrixChartID, trendChartID} {
				if n := b.count(t, `document.querySelectorAll("#`+id+` svg path, #`+id+` svg rect").length`); n == 0 {
					t.Errorf("chart %s has no shapes: ECharts did not draw it", id)
				}
			}
			if n := b.count(t, `document.querySelectorAll("table.matrix tbody td").length`); n != matrixSize*matrixSize {
				t.Errorf("the matrix table has %d cells, want %d", n, matrixSize*matrixSize)
			}
			if n := b.count(t, `document.querySelectorAll("table.matrix td a").length`); n != 2 {
				t.Errorf("the matrix table links %d checks, want the 2 with open findings", n)
			}
			rows := b.strings(t, `[...document.querySelectorAll("table.findings tbody tr")].map(tr => tr.innerText)`)
			if len(rows) != run.Summary.Findings {
				t.Errorf("the findings tables have %d rows, want %d", len(rows), run.Summary.Findings)
			}
			if aud.name == results.AudienceFG {
				for _, want := range findingTexts(run) {
					if !slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, want) }) {
						t.Errorf("no findings row holds %q", want)
					}
				}
			}
			if n := b.count(t, `document.querySelectorAll("table.locations tbody tr, table.trend tbody tr, table.acceptances tbody tr").length`); n != 5+5+4 {
				t.Errorf("the location, trend and acceptance tables have %d rows, want 14", n)
			}
			text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText`))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(text, `<script>alert("xss")</script>`) {
				t.Error("the escaped script value is not shown as text")
			}
			for _, o := range b.overflow(t, false) {
				t.Errorf("on screen: %s", o)
			}
			b.screenshot(t, "rapport-"+aud.name)
			b.printAtA4(t)
			for _, o := range b.overflow(t, true) {
				t.Errorf("printed on A4: %s", o)
			}
			b.screenshot(t, "rapport-"+aud.name+"-a4")
			for _, p := range b.seen() {
				t.Error(p)
			}
		})
	}
}

// findingTexts are, per finding of run, its record key, file and row as
// the FG report's row shows them.
func findingTexts(run *results.Run) []string {
	var out []string
	for _, c := range run.Checks {
		for _, f := range c.Findings {
			s := values.MaskBSNsInText(f.RecordKey)
			if f.Row > 0 {
				s = f.File + "\t" + strconv.Itoa(f.Row) + "\t" + f.Table + "\t" + s
			}
			out = append(out, s)
		}
	}
	return out
}

// TestBrowserHarness shows that openInBrowser sees what it looks for, so
// that TestHTMLInBrowser passing means something. The request goes to the
// discard port on the loopback address, where nothing answers.
func TestBrowserHarness(t *testing.T) {
	html := `<!DOCTYPE html><title>t</title><img src="http://127.0.0.1:9/x.png" alt="">` +
		`<script>console.error("boom"); undefinedFunction();</script>`
	got := strings.Join(openInBrowser(t, []byte(html), "").seen(), "\n")
	for _, want := range []string{"request: http://127.0.0.1:9/x.png", "console error: boom", "exception:"} {
		if !strings.Contains(got, want) {
			t.Errorf("the harness missed %q; it saw:\n%s", want, got)
		}
	}
}
